/// An IP address as an IRI carries it (`IPAddress` of TS 102 232-1):
///
/// ```asn1
/// IPAddress ::= SEQUENCE {
///     iP-type             [1] ENUMERATED { iPV4(0), iPV6(1), ... },
///     iP-value            [2] IP-value,          -- CHOICE, explicit: iPBinaryAddress [1] OCTET STRING (SIZE(4..16))
///     iP-assignment       [3] ENUMERATED { static(1), dynamic(2), notKnown(3), ... } OPTIONAL,
///     ...,
///     iPv6PrefixLength    [4] INTEGER (1..128) OPTIONAL,   -- mandatory for an IPv6 binary value
///     iPv4SubnetMask      [5] OCTET STRING (SIZE(4)) OPTIONAL, ... }
/// ```
///
/// The address is sent as `iPBinaryAddress` with `iP-assignment`. For IPv6, `prefixLength` becomes
/// `iPv6PrefixLength` (128 when nil, clamped to 1...128); for IPv4 a non-nil `prefixLength` (clamped to 0...32)
/// becomes `iPv4SubnetMask` (32 gives `ff ff ff ff`, as OpenLI sends). An address of neither 4 nor 16 octets is
/// left out of the record.
public struct IRIAddress: Sendable, Equatable {
    /// How the address was assigned (`iP-assignment`).
    public enum Assignment: Int, Sendable {
        /// A static address.
        case `static` = 1
        /// A dynamically allocated address.
        case dynamic = 2
        /// Neither known to be static nor dynamic.
        case notKnown = 3
    }

    /// The address in network byte order: 4 octets (IPv4) or 16 (IPv6).
    public var bytes: [UInt8]
    /// The prefix length: `iPv6PrefixLength` for IPv6 (128 if nil), `iPv4SubnetMask` for IPv4 (none if nil).
    public var prefixLength: Int?
    /// How the address was assigned.
    public var assignment: Assignment

    /// Creates an address.
    public init(bytes: [UInt8], prefixLength: Int? = nil, assignment: Assignment) {
        self.bytes = bytes
        self.prefixLength = prefixLength
        self.assignment = assignment
    }

    /// Whether the address can be encoded (4 or 16 octets).
    var isEncodable: Bool {
        bytes.count == 4 || bytes.count == 16
    }

    /// The content length of the `IPAddress` SEQUENCE.
    var contentLength: Int {
        let value = DERWriter.elementLength(contentLength: DERWriter.elementLength(contentLength: bytes.count))
        return 3 + value + 3 + prefixElementLength
    }

    private var prefixElementLength: Int {
        if bytes.count == 16 {
            return DERWriter.integerElementLength(UInt64(ipv6PrefixLength))
        }
        return prefixLength == nil ? 0 : 6
    }

    private var ipv6PrefixLength: Int {
        min(max(prefixLength ?? 128, 1), 128)
    }

    /// Appends the address as an element tagged `tag` (implicit, so the SEQUENCE content follows directly).
    func append(_ tag: DERTag, to out: inout [UInt8]) {
        DERWriter.appendHeader(tag, length: contentLength, to: &out)
        let isIPv6 = bytes.count == 16
        DERWriter.appendInteger(.context(1), isIPv6 ? 1 : 0, to: &out)
        DERWriter.appendHeader(.context(2, constructed: true), length: 2 + bytes.count, to: &out)
        DERWriter.appendOctets(.context(1), bytes, to: &out)
        DERWriter.appendInteger(.context(3), UInt64(assignment.rawValue), to: &out)
        if isIPv6 {
            DERWriter.appendInteger(.context(4), UInt64(ipv6PrefixLength), to: &out)
        } else if let prefixLength {
            let bits = min(max(prefixLength, 0), 32)
            let mask: UInt32 = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
            DERWriter.appendHeader(.context(5), length: 4, to: &out)
            out.append(UInt8(truncatingIfNeeded: mask >> 24))
            out.append(UInt8(truncatingIfNeeded: mask >> 16))
            out.append(UInt8(truncatingIfNeeded: mask >> 8))
            out.append(UInt8(truncatingIfNeeded: mask))
        }
    }
}
