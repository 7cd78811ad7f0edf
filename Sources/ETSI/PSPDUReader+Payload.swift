/// Reading the payload kind and its first record's key fields.
extension PSPDUReader {
    /// Fills `kind` and the kind's fields from the content of `payload [2]` (one CHOICE alternative).
    static func readPayload(_ payload: DERCursor, into summary: inout PSPDUSummary) throws(DERError) {
        var cursor = payload
        guard let choice = try cursor.next() else {
            throw .missingElement(0xA0)
        }
        guard choice.identifier & 0xC0 == 0x80 else {
            throw .unexpectedTag(choice.identifier)
        }
        switch choice.tagNumber {
        case 0:
            summary.kind = .iri
            try readFirstIRI(cursor.children(of: choice), into: &summary)
        case 1:
            summary.kind = .cc
            try readFirstCC(cursor.children(of: choice), into: &summary)
        case 2:
            summary.kind = .tri
            var tri = cursor.children(of: choice)
            guard let message = try tri.next() else {
                throw .missingElement(0x83)
            }
            switch message.tagNumber {
            case 3: summary.triMessage = .keepAlive
            case 4: summary.triMessage = .keepAliveResponse
            case 7: summary.triMessage = .cinReset
            default: summary.triMessage = .other(message.tagNumber)
            }
        case 3:
            var operation = cursor.children(of: choice)
            summary.kind = .other(3)
            if let notification = try operation.next(), notification.identifier & 0xE0 == 0xA0,
                notification.tagNumber <= 3,
                let kind = HI1Payload.Operation(rawValue: UInt8(notification.tagNumber))
            {
                summary.kind = .hi1(kind)
            }
        default:
            summary.kind = .other(choice.tagNumber)
        }
    }

    private static func readFirstIRI(_ sequence: DERCursor, into summary: inout PSPDUSummary) throws(DERError) {
        var items = sequence
        guard let first = try items.next() else {
            return
        }
        var fields = items.children(of: first)
        while let field = try fields.next() {
            if field.identifier == 0x80 {
                summary.iriType = IRIType(rawValue: Int(clamping: try fields.unsigned(field)))
            } else if field.identifier == 0xA2 {
                var contents = fields.children(of: field)
                guard let alternative = try contents.next(), alternative.identifier == 0xA2 else {
                    continue
                }
                var ipiri = contents.children(of: alternative)
                while let part = try ipiri.next() {
                    guard part.identifier == 0xA1 else {
                        continue
                    }
                    var body = ipiri.children(of: part)
                    if let event = try body.next(), event.identifier == 0x80 {
                        let raw = Int(clamping: try body.unsigned(event))
                        summary.accessEventType = IPIRIContents.AccessEventType(rawValue: raw)
                    }
                }
            }
        }
    }

    private static func readFirstCC(_ sequence: DERCursor, into summary: inout PSPDUSummary) throws(DERError) {
        var items = sequence
        guard let first = try items.next() else {
            return
        }
        var fields = items.children(of: first)
        if let field = try fields.next(), field.identifier == 0x80 {
            summary.payloadDirection = PayloadDirection(rawValue: Int(clamping: try fields.unsigned(field)))
        }
    }

    /// The dotted form of OBJECT IDENTIFIER content octets (an empty string when they are malformed).
    static func dottedObjectIdentifier(_ content: UnsafeRawBufferPointer) -> String {
        var arcs: [UInt64] = []
        var value: UInt64 = 0
        for byte in content {
            guard value >> 57 == 0 else {
                return ""
            }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                if arcs.isEmpty {
                    let first: UInt64 = value < 40 ? 0 : (value < 80 ? 1 : 2)
                    arcs.append(first)
                    arcs.append(value - first * 40)
                } else {
                    arcs.append(value)
                }
                value = 0
            }
        }
        guard content.last.map({ $0 & 0x80 == 0 }) ?? false else {
            return ""
        }
        return arcs.map { String($0) }.joined(separator: ".")
    }
}
