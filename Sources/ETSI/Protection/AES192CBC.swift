import CLibCrypto

/// AES-192-CBC without padding, in place, through the system's OpenSSL (libcrypto): the key schedule is made once
/// per cipher, and whole records are enciphered in one call (AES-NI where the CPU has it).
///
/// One cipher is used by one thread at a time (the sequencer's encryptor, or one ``RecordDecryptor`` call).
final class AES192CBC {
    /// Which way the cipher goes.
    enum Direction {
        case encrypt
        case decrypt
    }

    private let context: OpaquePointer

    /// A cipher with a 24-octet key; nil when OpenSSL refuses (never expected).
    init?(key: PayloadEncryptionKey, direction: Direction) {
        let made = key.octets.withUnsafeBufferPointer { octets in
            openli_aes192cbc_new(octets.baseAddress, direction == .encrypt ? 1 : 0)
        }
        guard let made else { return nil }
        context = made
    }

    deinit {
        openli_aes192cbc_free(context)
    }

    /// Enciphers `buffer[range]` (a multiple of 16 octets) in place with `iv`; false when OpenSSL refuses.
    func run(_ buffer: inout [UInt8], range: Range<Int>, iv: [UInt8]) -> Bool {
        guard range.count % 16 == 0, iv.count == 16, range.lowerBound >= 0, range.upperBound <= buffer.count else {
            return false
        }
        return iv.withUnsafeBufferPointer { vector in
            buffer.withUnsafeMutableBufferPointer { octets in
                guard let base = octets.baseAddress else { return range.isEmpty }
                return openli_aes192cbc_run(context, vector.baseAddress, base + range.lowerBound, Int32(range.count))
                    == 1
            }
        }
    }
}
