/// One fuzzer input, read front to back the way a target needs it: selector bytes, framed records, the rest.
///
/// Reading past the end is never an error: a byte read there is nil and a record is cut short, so every input is a
/// valid run of the target.
public struct FuzzInput {
    /// The whole input.
    public let bytes: UnsafeRawBufferPointer
    /// Where the next read starts.
    public private(set) var position = 0

    /// The input libFuzzer hands to `LLVMFuzzerTestOneInput`.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The bytes not read yet.
    public var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[min(position, bytes.count)...]) }

    /// The next byte; nil at the end.
    public mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next big-endian 16-bit number (missing bytes read as 0).
    public mutating func uint16() -> UInt16 {
        UInt16(byte() ?? 0) << 8 | UInt16(byte() ?? 0)
    }

    /// The next `count` bytes, fewer at the end.
    public mutating func take(_ count: Int) -> UnsafeRawBufferPointer {
        let end = min(bytes.count, position + max(0, count))
        defer { position = end }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<end])
    }

    /// The next record framed as a 16-bit big-endian length and that many bytes (cut short at the end).
    public mutating func record() -> UnsafeRawBufferPointer {
        take(Int(uint16()))
    }
}
