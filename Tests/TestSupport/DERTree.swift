/// A BER/DER element tree with definite lengths, for comparing encodings in tests. Lengths are not required to be
/// minimal, so records from other encoders (OpenLI) can be read and compared structurally.
public struct DERTree: Equatable, Sendable {
    /// The identifier octets.
    public var tag: [UInt8]
    /// The value of a primitive element (empty for a constructed one).
    public var value: [UInt8]
    /// The children of a constructed element.
    public var children: [DERTree]

    /// Whether the element is constructed.
    public var isConstructed: Bool {
        (tag.first ?? 0) & 0x20 != 0
    }

    /// Parses every element of `bytes`; nil if they are not well-formed definite-length TLVs.
    public static func parseAll(_ bytes: [UInt8]) -> [DERTree]? {
        var index = 0
        return parse(bytes, from: &index, to: bytes.count)
    }

    private static func parse(_ bytes: [UInt8], from index: inout Int, to end: Int) -> [DERTree]? {
        var result: [DERTree] = []
        while index < end {
            let tagStart = index
            index += 1
            if bytes[tagStart] & 0x1F == 0x1F {
                while index < end, bytes[index] & 0x80 != 0 {
                    index += 1
                }
                index += 1
            }
            guard index < end else {
                return nil
            }
            let tag = Array(bytes[tagStart..<index])
            var length = Int(bytes[index])
            index += 1
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard count > 0, count <= 4, index + count <= end else {
                    return nil
                }
                length = bytes[index..<(index + count)].reduce(0) { $0 << 8 | Int($1) }
                index += count
            }
            guard length <= end - index else {
                return nil
            }
            var node = DERTree(tag: tag, value: [], children: [])
            if tag[0] & 0x20 != 0 {
                var inner = index
                guard let children = parse(bytes, from: &inner, to: index + length) else {
                    return nil
                }
                node.children = children
            } else {
                node.value = Array(bytes[index..<(index + length)])
            }
            index += length
            result.append(node)
        }
        return result
    }

    /// One difference between two trees, at a path of identifier octets (hex, `/`-separated).
    public struct Difference: Equatable, Sendable, CustomStringConvertible {
        /// Where: the identifier octets of each element from the root, in hex.
        public var path: String
        /// The left element's value (its identifier octets if only its tag differs), nil if only the right has it.
        public var left: [UInt8]?
        /// The right element's value (its identifier octets if only its tag differs), nil if only the left has it.
        public var right: [UInt8]?

        /// Creates a difference.
        public init(path: String, left: [UInt8]?, right: [UInt8]?) {
            self.path = path
            self.left = left
            self.right = right
        }

        /// `path: left vs right` in hex, `-` for a missing side.
        public var description: String {
            "\(path): \(left.map(DERTree.hex) ?? "-") vs \(right.map(DERTree.hex) ?? "-")"
        }
    }

    /// The differences between two trees, matching children by tag in order.
    public static func differences(_ lhs: DERTree, _ rhs: DERTree, path: String = "") -> [Difference] {
        let here = path + "/" + hex(lhs.tag)
        guard lhs.tag == rhs.tag else {
            return [Difference(path: here + "!tag", left: lhs.tag, right: rhs.tag)]
        }
        if !lhs.isConstructed {
            return lhs.value == rhs.value ? [] : [Difference(path: here, left: lhs.value, right: rhs.value)]
        }
        var found: [Difference] = []
        var left = 0
        var right = 0
        while left < lhs.children.count || right < rhs.children.count {
            if left < lhs.children.count, right < rhs.children.count, lhs.children[left].tag == rhs.children[right].tag
            {
                found += differences(lhs.children[left], rhs.children[right], path: here)
                left += 1
                right += 1
            } else if right >= rhs.children.count
                || (left < lhs.children.count && !rhs.children[right...].contains { $0.tag == lhs.children[left].tag })
            {
                found.append(Difference(path: here + "/" + hex(lhs.children[left].tag), left: [], right: nil))
                left += 1
            } else {
                found.append(Difference(path: here + "/" + hex(rhs.children[right].tag), left: nil, right: []))
                right += 1
            }
        }
        return found
    }

    /// Lower-case hex of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
