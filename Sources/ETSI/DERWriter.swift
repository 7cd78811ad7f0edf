/// DER encoding primitives: minimal definite lengths and minimal non-negative INTEGERs.
///
/// Lengths are computed before anything is written, so every function appends straight into a caller's buffer.
enum DERWriter {
    /// The number of length octets DER uses for `length`.
    static func lengthOctets(_ length: Int) -> Int {
        if length < 0x80 {
            return 1
        }
        var count = 1
        var rest = length >> 8
        while rest > 0 {
            count += 1
            rest >>= 8
        }
        return count + 1
    }

    /// The whole size of a one-octet-tag element whose content is `contentLength` octets.
    static func elementLength(contentLength: Int) -> Int {
        1 + lengthOctets(contentLength) + contentLength
    }

    /// The content length of `value` as a DER INTEGER (a leading zero octet keeps the sign bit clear).
    static func integerLength(_ value: UInt64) -> Int {
        (64 - value.leadingZeroBitCount) / 8 + 1
    }

    /// Appends identifier and length octets.
    static func appendHeader(_ tag: DERTag, length: Int, to out: inout [UInt8]) {
        out.append(tag.first)
        if tag.second != 0 {
            out.append(tag.second)
        }
        appendLength(length, to: &out)
    }

    /// Appends a one-octet identifier and length octets.
    static func appendHeader(_ tag: UInt8, length: Int, to out: inout [UInt8]) {
        out.append(tag)
        appendLength(length, to: &out)
    }

    /// Appends minimal definite length octets.
    static func appendLength(_ length: Int, to out: inout [UInt8]) {
        if length < 0x80 {
            out.append(UInt8(truncatingIfNeeded: length))
            return
        }
        let count = lengthOctets(length) - 1
        out.append(0x80 | UInt8(truncatingIfNeeded: count))
        var shift = (count - 1) * 8
        while shift >= 0 {
            out.append(UInt8(truncatingIfNeeded: length >> shift))
            shift -= 8
        }
    }

    /// Appends an INTEGER element with tag `tag` and value `value` (also used for ENUMERATED).
    static func appendInteger(_ tag: DERTag, _ value: UInt64, to out: inout [UInt8]) {
        let count = integerLength(value)
        appendHeader(tag, length: count, to: &out)
        var index = count - 1
        while index >= 0 {
            out.append(index >= 8 ? 0 : UInt8(truncatingIfNeeded: value >> (UInt64(index) * 8)))
            index -= 1
        }
    }

    /// The whole size of an INTEGER element with a one-octet tag.
    static func integerElementLength(_ value: UInt64) -> Int {
        2 + integerLength(value)
    }

    /// Appends a primitive element with tag `tag` whose content is `content`.
    static func appendOctets(_ tag: DERTag, _ content: some Collection<UInt8>, to out: inout [UInt8]) {
        appendHeader(tag, length: content.count, to: &out)
        out.append(contentsOf: content)
    }
}
