/// Walks the elements of DER input one level at a time, without copying.
///
/// With `lenient` set, long-form lengths that are not minimal are accepted (BER definite lengths, as OpenLI writes
/// them); indefinite lengths never are.
struct DERCursor {
    /// An element's header: where its value starts and how long it is.
    struct Header {
        var identifier: UInt8
        var tagNumber: UInt32
        var headerLength: Int
        var valueLength: Int
    }

    private let bytes: UnsafeRawBufferPointer
    private var position: Int
    private let end: Int
    private let lenient: Bool

    /// A cursor over `bytes[start..<end]`.
    init(_ bytes: UnsafeRawBufferPointer, start: Int = 0, end: Int? = nil, lenient: Bool) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
        self.lenient = lenient
    }

    /// Whether every element has been read.
    var isAtEnd: Bool {
        position >= end
    }

    /// A cursor over the value of `element`.
    func children(of element: DERElement) -> DERCursor {
        DERCursor(bytes, start: element.valueStart, end: element.valueEnd, lenient: lenient)
    }

    /// The value octets of `element`.
    func value(of element: DERElement) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[element.valueStart..<element.valueEnd])
    }

    /// The next element, or nil at the end.
    mutating func next() throws(DERError) -> DERElement? {
        if position >= end {
            return nil
        }
        guard let header = try Self.header(in: bytes, from: position, end: end, lenient: lenient) else {
            throw .truncated
        }
        let start = position
        let valueStart = start + header.headerLength
        guard header.valueLength <= end - valueStart else {
            throw .truncated
        }
        position = valueStart + header.valueLength
        return DERElement(
            identifier: header.identifier,
            tagNumber: header.tagNumber,
            start: start,
            valueStart: valueStart,
            valueEnd: position
        )
    }

    /// Reads the header at `start`; nil when `bytes` ends before the header does.
    static func header(
        in bytes: UnsafeRawBufferPointer,
        from start: Int,
        end: Int,
        lenient: Bool
    ) throws(DERError) -> Header? {
        var index = start
        guard index < end else {
            return nil
        }
        let identifier = bytes[index]
        index += 1
        var tagNumber = UInt32(identifier & 0x1F)
        if tagNumber == 0x1F {
            tagNumber = 0
            var octets = 0
            while true {
                guard index < end else {
                    return nil
                }
                let octet = bytes[index]
                index += 1
                octets += 1
                guard octets <= 4, !(octets == 1 && octet == 0x80) else {
                    throw .invalidTag
                }
                tagNumber = tagNumber << 7 | UInt32(octet & 0x7F)
                if octet & 0x80 == 0 {
                    break
                }
            }
            guard tagNumber >= 31 || lenient else {
                throw .invalidTag
            }
        }
        guard index < end else {
            return nil
        }
        let first = bytes[index]
        index += 1
        if first < 0x80 {
            return Header(
                identifier: identifier,
                tagNumber: tagNumber,
                headerLength: index - start,
                valueLength: Int(first)
            )
        }
        if first == 0x80 {
            throw .indefiniteLength
        }
        let count = Int(first & 0x7F)
        guard count <= 8, first != 0xFF else {
            throw .lengthOverflow
        }
        guard end - index >= count else {
            return nil
        }
        var length: UInt64 = 0
        for offset in 0..<count {
            length = length << 8 | UInt64(bytes[index + offset])
        }
        index += count
        guard length <= UInt64(Int.max / 2) else {
            throw .lengthOverflow
        }
        if !lenient, length < 0x80 || bytes[index - count] == 0 {
            throw .nonMinimalLength
        }
        return Header(
            identifier: identifier,
            tagNumber: tagNumber,
            headerLength: index - start,
            valueLength: Int(length)
        )
    }

    /// The value of a non-negative INTEGER (or ENUMERATED) element.
    func unsigned(_ element: DERElement) throws(DERError) -> UInt64 {
        let content = value(of: element)
        guard let first = content.first else {
            throw .nonMinimalInteger
        }
        if content.count > 1 {
            let second = content[1]
            if (first == 0x00 && second < 0x80) || (first == 0xFF && second >= 0x80) {
                throw .nonMinimalInteger
            }
        }
        guard first < 0x80 else {
            throw .negativeInteger
        }
        let significant = first == 0 ? content.count - 1 : content.count
        guard significant <= 8 else {
            throw .integerOverflow
        }
        var result: UInt64 = 0
        for byte in content {
            result = result << 8 | UInt64(byte)
        }
        return result
    }
}
