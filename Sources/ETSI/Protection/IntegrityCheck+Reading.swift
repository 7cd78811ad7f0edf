/// Reading integrity check TRIs back (the LEMF side).
extension IntegrityCheck {
    /// The integrity check a plain (not encrypted) PS-PDU carries and the content octets of its `integrityCheck`
    /// element as received; nil when the record is not an integrity check TRI.
    public static func read(
        from record: UnsafeRawBufferPointer
    ) throws(DERError) -> (check: IntegrityCheck, contentOctets: [UInt8])? {
        var (_, fields) = try PSPDUReader.openPDU(record, lenient: false)
        guard let payload = try fields.next(), payload.identifier == 0xA2 else { return nil }
        var choice = fields.children(of: payload)
        guard let tri = try choice.next(), tri.identifier == 0xA2 else { return nil }
        var message = choice.children(of: tri)
        guard let element = try message.next(), element.identifier == 0xA0 else { return nil }
        var parts = message.children(of: element)
        guard let included = try parts.next(), included.identifier == 0xA0 else { throw .missingElement(0xA0) }
        var numbers: [UInt64] = []
        var numberCursor = parts.children(of: included)
        while let number = try numberCursor.next() {
            guard number.identifier == 0x02 else { throw .unexpectedTag(number.identifier) }
            numbers.append(try numberCursor.unsigned(number))
        }
        guard let checkTypeElement = try parts.next(), checkTypeElement.identifier == 0x81 else {
            throw .missingElement(0x81)
        }
        let checkTypeValue = try parts.unsigned(checkTypeElement)
        guard let checkType = CheckType(rawValue: UInt8(truncatingIfNeeded: checkTypeValue)), checkTypeValue < 256
        else { throw .unknownEnumerated(checkTypeValue) }
        var dataType: DataType?
        var checkValue: [UInt8]?
        var hashAlgorithm: IntegrityHashAlgorithm?
        var signatureAlgorithm: IntegritySignatureAlgorithm?
        while let field = try parts.next() {
            switch field.identifier {
            case 0x82:
                let value = try parts.unsigned(field)
                guard value < 256, let type = DataType(rawValue: UInt8(value)) else { throw .unknownEnumerated(value) }
                dataType = type
            case 0x83:
                checkValue = Array(parts.value(of: field))
            case 0x84:
                let value = try parts.unsigned(field)
                guard value < 256, let algorithm = IntegrityHashAlgorithm(rawValue: UInt8(value)) else {
                    throw .unknownEnumerated(value)
                }
                hashAlgorithm = algorithm
            case 0x85:
                let value = try parts.unsigned(field)
                guard value < 256, let algorithm = IntegritySignatureAlgorithm(rawValue: UInt8(value)) else {
                    throw .unknownEnumerated(value)
                }
                signatureAlgorithm = algorithm
            default:
                throw .unexpectedTag(field.identifier)
            }
        }
        guard let dataType else { throw .missingElement(0x82) }
        guard let checkValue else { throw .missingElement(0x83) }
        let check = IntegrityCheck(
            includedSequenceNumbers: numbers,
            checkType: checkType,
            dataType: dataType,
            checkValue: checkValue,
            hashAlgorithm: hashAlgorithm,
            signatureAlgorithm: signatureAlgorithm
        )
        return (check, Array(message.value(of: element)))
    }
}
