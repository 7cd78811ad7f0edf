#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address read from text, kept as its bytes, printed in canonical form (RFC 5952 for IPv6).
struct IPAddressText: Sendable, Equatable {
    /// 4 bytes for IPv4, 16 for IPv6.
    var bytes: [UInt8]

    /// Reads dotted-quad IPv4 or IPv6 text (no brackets, no zone); nil for anything else.
    init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count < 64, !text.utf8.contains(0) else {
            return nil
        }
        if text.contains(":") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, text, &address) == 1 else {
                return nil
            }
            self.bytes = withUnsafeBytes(of: &address) { Array($0) }
        } else {
            var address = in_addr()
            guard inet_pton(AF_INET, text, &address) == 1 else {
                return nil
            }
            self.bytes = withUnsafeBytes(of: &address) { Array($0) }
        }
    }

    /// Makes an address from 4 or 16 bytes.
    init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else {
            return nil
        }
        self.bytes = bytes
    }

    /// True for IPv6.
    var isIPv6: Bool { bytes.count == 16 }

    /// The bit length of the address: 32 or 128.
    var bitWidth: Int { bytes.count * 8 }

    /// The canonical text: dotted quad for IPv4, RFC 5952 for IPv6.
    var text: String {
        var output = [CChar](repeating: 0, count: 64)
        let capacity = socklen_t(output.count)
        let family = isIPv6 ? AF_INET6 : AF_INET
        let written = bytes.withUnsafeBytes { source in
            output.withUnsafeMutableBufferPointer { target in
                inet_ntop(family, source.baseAddress, target.baseAddress, capacity) != nil
            }
        }
        guard written else {
            return bytes.map { String($0) }.joined(separator: ".")
        }
        let length = output.firstIndex(of: 0) ?? output.count
        return String(decoding: output[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The address with every bit after the first `length` cleared.
    func masked(toPrefixLength length: Int) -> IPAddressText {
        var copy = self
        for index in copy.bytes.indices {
            let firstBit = index * 8
            if firstBit >= length {
                copy.bytes[index] = 0
            } else if firstBit + 8 > length {
                copy.bytes[index] &= UInt8(truncatingIfNeeded: 0xFF << (8 - (length - firstBit)))
            }
        }
        return copy
    }
}
