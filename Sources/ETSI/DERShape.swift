/// What the strict reader expects of one element: the ASN.1 type behind an (implicit) tag, as far as DER cares.
///
/// Each case describes a whole element, its identifier's form (primitive or constructed) and its content. `any` and
/// `constructed` stand for types the reader does not model: only their structure (tags, minimal lengths, nesting)
/// and the universal types it can see are checked.
indirect enum DERShape: Sendable {
    /// A type the reader does not model: structure only.
    case any
    /// A SEQUENCE, SET or CHOICE type the reader does not model: constructed, then structure only.
    case constructed
    /// An INTEGER: minimal content octets.
    case integer
    /// An ENUMERATED: minimal content octets and one of the values in the range.
    case enumerated(ClosedRange<UInt64>)
    /// A BOOLEAN: one octet, `00` or `FF`.
    case boolean
    /// A NULL: no content.
    case null
    /// An OCTET STRING (or RELATIVE-OID, which etsi-decode reads as one): primitive, any content.
    case octets
    /// A PrintableString or IA5String: primitive, ASCII.
    case ascii
    /// A UTF8String: primitive, well-formed UTF-8.
    case utf8
    /// An OBJECT IDENTIFIER: minimal sub-identifiers.
    case objectIdentifier
    /// A GeneralizedTime in its DER form (`YYYYMMDDhhmmss[.f]Z`, no trailing zeros, a real date).
    case generalizedTime
    /// A UTCTime in its DER form (`YYMMDDhhmmssZ`, a real date).
    case utcTime
    /// A SEQUENCE whose fields, all context-tagged, appear in the order given; unknown tags are refused.
    case sequence([DERField])
    /// A SEQUENCE OF a SEQUENCE type: each child is a universal SEQUENCE (`30`) of that shape.
    case sequenceOf(DERShape)
    /// A tagged CHOICE (so explicitly tagged): exactly one child, one of the alternatives.
    case choice([DERField])
}

/// One field of a SEQUENCE, or one alternative of a CHOICE: its context-specific tag number and its shape.
struct DERField: Sendable {
    /// The context-specific tag number.
    var tag: UInt32
    /// What the element must be.
    var shape: DERShape
    /// Whether a SEQUENCE must hold the field (ignored for CHOICE alternatives).
    var required: Bool

    /// A field that may be left out (or a CHOICE alternative).
    static func optional(_ tag: UInt32, _ shape: DERShape) -> DERField {
        DERField(tag: tag, shape: shape, required: false)
    }

    /// A field a SEQUENCE must hold.
    static func required(_ tag: UInt32, _ shape: DERShape) -> DERField {
        DERField(tag: tag, shape: shape, required: true)
    }
}
