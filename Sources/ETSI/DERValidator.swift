/// Checks that a whole PS-PDU is DER against ``DERShape/psPDU``: what `etsi-decode --check` verifies by decoding
/// and re-encoding, done in one walk without allocating.
///
/// Everywhere: definite minimal lengths, minimal tags, children that exactly fill their parent, no constructed
/// strings, and the universal primitives it meets (BOOLEAN, INTEGER, NULL, OBJECT IDENTIFIER, ENUMERATED, strings,
/// times) in their DER form. Where the shape is known: fields in declared order, mandatory fields present, no
/// unknown fields or alternatives, INTEGER and ENUMERATED minimality and ENUMERATED values, BOOLEAN, NULL, strings
/// and times.
enum DERValidator {
    /// How deep elements may nest (ETSI records use about 12 levels).
    static let maximumDepth = 48

    /// Validates one whole PS-PDU (nothing after it).
    static func validate(_ record: UnsafeRawBufferPointer) throws(DERError) {
        var cursor = DERCursor(record, lenient: false)
        guard let pdu = try cursor.next() else {
            throw .truncated
        }
        guard pdu.identifier == 0x30 else {
            throw .unexpectedTag(pdu.identifier)
        }
        guard cursor.isAtEnd else {
            throw .trailingBytes
        }
        try check(pdu, as: .psPDU, in: cursor, depth: 0)
    }

    /// Checks `element` (read by `cursor`) against `shape`.
    private static func check(
        _ element: DERElement,
        as shape: DERShape,
        in cursor: DERCursor,
        depth: Int
    ) throws(DERError) {
        guard depth < maximumDepth else {
            throw .nestingTooDeep
        }
        let constructed = element.identifier & 0x20 != 0
        switch shape {
        case .any:
            try checkAny(element, in: cursor, depth: depth)
            return
        case .constructed:
            guard constructed else {
                throw .unexpectedForm(element.identifier)
            }
            try checkAny(element, in: cursor, depth: depth)
            return
        case .sequence, .sequenceOf, .choice:
            guard constructed else {
                throw .unexpectedForm(element.identifier)
            }
        default:
            guard !constructed else {
                throw .unexpectedForm(element.identifier)
            }
        }
        let content = cursor.value(of: element)
        switch shape {
        case .any, .constructed, .octets:
            return
        case .integer:
            try checkInteger(content)
        case .enumerated(let values):
            try checkInteger(content)
            try checkEnumerated(content, values)
        case .boolean:
            try checkBoolean(content)
        case .null:
            guard content.isEmpty else {
                throw .invalidNull
            }
        case .ascii:
            try checkASCII(content)
        case .utf8:
            try checkUTF8(content)
        case .objectIdentifier:
            try checkObjectIdentifier(content)
        case .generalizedTime:
            try checkGeneralizedTime(content)
        case .utcTime:
            try checkUTCTime(content)
        case .sequence(let fields):
            try checkSequence(cursor.children(of: element), fields, depth: depth)
        case .sequenceOf(let item):
            var children = cursor.children(of: element)
            while let child = try children.next() {
                guard child.identifier == 0x30 else {
                    throw .unexpectedTag(child.identifier)
                }
                try check(child, as: item, in: children, depth: depth + 1)
            }
        case .choice(let alternatives):
            var children = cursor.children(of: element)
            guard let child = try children.next() else {
                throw .missingElement(element.identifier)
            }
            guard let alternative = field(of: child, in: alternatives) else {
                throw .unexpectedTag(child.identifier)
            }
            try check(child, as: alternative.shape, in: children, depth: depth + 1)
            guard children.isAtEnd else {
                throw .extraElement(element.identifier)
            }
        }
    }

    /// Checks the fields of a SEQUENCE: known, in declared order, each once, mandatory ones present.
    private static func checkSequence(
        _ children: DERCursor,
        _ fields: [DERField],
        depth: Int
    ) throws(DERError) {
        var cursor = children
        var nextIndex = 0
        while let child = try cursor.next() {
            guard child.identifier & 0xC0 == 0x80,
                let index = fields.firstIndex(where: { $0.tag == child.tagNumber })
            else {
                throw .unexpectedTag(child.identifier)
            }
            guard index >= nextIndex else {
                throw .outOfOrder(child.identifier)
            }
            for skipped in fields[nextIndex..<index] where skipped.required {
                throw .missingElement(expectedIdentifier(skipped))
            }
            try check(child, as: fields[index].shape, in: cursor, depth: depth + 1)
            nextIndex = index + 1
        }
        for skipped in fields[nextIndex...] where skipped.required {
            throw .missingElement(expectedIdentifier(skipped))
        }
    }

    /// The field or alternative of `fields` that `element` is, if its tag is context-specific and known.
    private static func field(of element: DERElement, in fields: [DERField]) -> DERField? {
        guard element.identifier & 0xC0 == 0x80 else {
            return nil
        }
        return fields.first { $0.tag == element.tagNumber }
    }

    /// The first identifier octet a field would have (for ``DERError/missingElement(_:)``).
    private static func expectedIdentifier(_ field: DERField) -> UInt8 {
        let number = UInt8(truncatingIfNeeded: min(field.tag, 31))
        switch field.shape {
        case .sequence, .sequenceOf, .choice, .constructed: return 0xA0 | number
        default: return 0x80 | number
        }
    }

    /// Structure only, plus the universal types that show their tag.
    private static func checkAny(_ element: DERElement, in cursor: DERCursor, depth: Int) throws(DERError) {
        let constructed = element.identifier & 0x20 != 0
        if element.identifier & 0xC0 == 0 {
            let isCollection = element.tagNumber == 16 || element.tagNumber == 17
            guard constructed == isCollection else {
                throw .unexpectedForm(element.identifier)
            }
            if !constructed {
                try checkUniversal(element.tagNumber, cursor.value(of: element))
                return
            }
        }
        guard constructed else {
            return
        }
        var children = cursor.children(of: element)
        while let child = try children.next() {
            try check(child, as: .any, in: children, depth: depth + 1)
        }
    }

    /// Checks the content of a primitive universal element by its tag number.
    private static func checkUniversal(_ tagNumber: UInt32, _ content: UnsafeRawBufferPointer) throws(DERError) {
        switch tagNumber {
        case 1: try checkBoolean(content)
        case 2, 10: try checkInteger(content)
        case 5:
            guard content.isEmpty else {
                throw .invalidNull
            }
        case 6: try checkObjectIdentifier(content)
        case 12: try checkUTF8(content)
        case 19, 22: try checkASCII(content)
        case 23: try checkUTCTime(content)
        case 24: try checkGeneralizedTime(content)
        default: return
        }
    }
}
