#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers the mail parsers share: searching, case-insensitive comparison, words, numbers.
enum MailBytes {
    /// The position of the first `byte` in `bytes` at or after `from`.
    @inline(__always)
    static func find(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// ASCII upper case of a byte.
    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 {
        byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
    }

    /// Whether `line` starts with `prefix` (given in upper case), ignoring ASCII case.
    static func hasPrefix(_ line: some Collection<UInt8>, _ prefix: StaticString) -> Bool {
        guard line.count >= prefix.utf8CodeUnitCount else { return false }
        var position = line.startIndex
        for index in 0..<prefix.utf8CodeUnitCount {
            if upper(line[position]) != prefix.utf8Start[index] { return false }
            position = line.index(after: position)
        }
        return true
    }

    /// The words of a line, split on spaces (runs of spaces are one separator).
    static func words(_ line: [UInt8]) -> [ArraySlice<UInt8>] {
        line.split(separator: 0x20)
    }

    /// Whether a word is ASCII letters only (what a command verb is).
    static func isLetters(_ word: some Collection<UInt8>) -> Bool {
        word.allSatisfy { upper($0) >= 0x41 && upper($0) <= 0x5A }
    }

    /// A word in upper case, as text.
    static func upperWord(_ word: some Collection<UInt8>) -> String {
        String(decoding: word.map(upper), as: UTF8.self)
    }

    /// A decimal number of at most 18 digits, or nil.
    static func number(_ digits: some Collection<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }

    /// Text from bytes (invalid UTF-8 replaced).
    static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
