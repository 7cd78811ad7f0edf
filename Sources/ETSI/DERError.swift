/// Why DER input could not be read. Every failure of ``PSPDUReader`` is one of these values; nothing traps.
public enum DERError: Error, Sendable, Equatable {
    /// The input ends inside an element (or a nested element runs past its parent).
    case truncated
    /// An indefinite length (`0x80`), which DER forbids.
    case indefiniteLength
    /// A length in long form where a shorter form exists.
    case nonMinimalLength
    /// A length that does not fit the platform's `Int`, or the reserved length octet `0xFF`.
    case lengthOverflow
    /// A tag number in the high-tag form that is not minimal or does not fit 32 bits.
    case invalidTag
    /// An INTEGER whose content is empty or has a redundant leading octet.
    case nonMinimalInteger
    /// A negative INTEGER where the schema allows none.
    case negativeInteger
    /// An INTEGER larger than the field's type.
    case integerOverflow
    /// An element with this identifier octet where another was expected.
    case unexpectedTag(UInt8)
    /// A mandatory element (given by its identifier octet) is missing.
    case missingElement(UInt8)
    /// A GeneralizedTime that is not of the form `YYYYMMDDhhmmss[.f...]Z`.
    case invalidTime
    /// Bytes after the end of the outermost element.
    case trailingBytes
    /// An element (given by its identifier octet) in the primitive form where the constructed one is required, or
    /// the other way round (DER forbids constructed strings).
    case unexpectedForm(UInt8)
    /// A field (given by its identifier octet) that is not after the previous one in the SEQUENCE's declared order.
    case outOfOrder(UInt8)
    /// An explicitly tagged CHOICE (given by its identifier octet) that holds more than its one alternative.
    case extraElement(UInt8)
    /// A BOOLEAN whose content is not the single octet `00` or `FF`.
    case invalidBoolean
    /// A NULL with content.
    case invalidNull
    /// An OBJECT IDENTIFIER that is empty, ends inside a sub-identifier or pads one with a leading `80` octet.
    case invalidObjectIdentifier
    /// A string whose octets are not of its type (non-ASCII in a PrintableString or IA5String, bad UTF-8 in a
    /// UTF8String).
    case invalidString
    /// An ENUMERATED value the type does not define.
    case unknownEnumerated(UInt64)
    /// Elements nested deeper than the reader follows.
    case nestingTooDeep
}
