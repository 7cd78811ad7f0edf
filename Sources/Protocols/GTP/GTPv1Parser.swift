/// Parses GTPv1-C messages (TS 29.060 §6 header, §7.7 information elements) into ``GTPv1Message``. Type-value
/// elements (types below 128) have fixed lengths the parser knows; an unknown one ends the parse there, since its
/// length cannot be known. Type-length-value elements it does not use are skipped.
public enum GTPv1Parser {
    /// Lengths of the type-value elements (TS 29.060 7.7).
    static let fixedLengths: [UInt8: Int] = [
        1: 1, 2: 8, 3: 6, 4: 4, 5: 4, 8: 1, 9: 28, 11: 1, 12: 3, 13: 1, 14: 1, 15: 1, 16: 4, 17: 4, 18: 5, 19: 1,
        20: 1, 21: 1, 22: 9, 23: 1, 24: 1, 25: 2, 26: 2, 27: 2, 28: 2, 29: 1, 127: 4,
    ]

    /// Parses one message from a UDP payload.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(GTPError) -> GTPv1Message {
        guard bytes.count >= 8 else { throw .truncated }
        let flags = bytes[0]
        guard flags >> 5 == 1, flags & 0x10 != 0 else { throw .unsupportedVersion }
        let length = Int(bytes[2]) << 8 | Int(bytes[3])
        let end = 8 + length
        guard end <= bytes.count else { throw .truncated }
        var message = GTPv1Message(messageType: bytes[1], teid: GTPv2Parser.read32(bytes, 4))
        var index = 8
        if flags & 0x07 != 0 {
            guard end >= 12 else { throw .truncated }
            message.sequence = UInt32(bytes[8]) << 8 | UInt32(bytes[9])
            var next = bytes[11]
            index = 12
            while next != 0 {
                guard index < end, bytes[index] > 0, index + Int(bytes[index]) * 4 <= end else { throw .truncated }
                let extensionEnd = index + Int(bytes[index]) * 4
                next = bytes[extensionEnd - 1]
                index = extensionEnd
            }
        }
        while index < end {
            let type = bytes[index]
            if type < 128 {
                guard let length = fixedLengths[type] else { break }
                guard index + 1 + length <= end else { throw .badElement(type: type) }
                applyFixed(
                    type,
                    UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<(index + 1 + length)]),
                    to: &message
                )
                index += 1 + length
            } else {
                guard index + 3 <= end else { throw .truncated }
                let length = Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
                guard index + 3 + length <= end else { throw .badElement(type: type) }
                try applyVariable(
                    type,
                    UnsafeRawBufferPointer(rebasing: bytes[(index + 3)..<(index + 3 + length)]),
                    to: &message
                )
                index += 3 + length
            }
        }
        return message
    }

    private static func applyFixed(_ type: UInt8, _ value: UnsafeRawBufferPointer, to message: inout GTPv1Message) {
        switch type {
        case 1: message.cause = value[0]
        case 2: message.imsi = GTPValue.tbcd(value)
        case 16: message.dataTEID = GTPv2Parser.read32(value, 0)
        case 17: message.controlTEID = GTPv2Parser.read32(value, 0)
        case 20: message.nsapi = value[0] & 0x0F
        default: break
        }
    }

    private static func applyVariable(
        _ type: UInt8,
        _ value: UnsafeRawBufferPointer,
        to message: inout GTPv1Message
    ) throws(GTPError) {
        switch type {
        case 128: message.endUserAddress = try endUserAddress(value)
        case 131: message.apn = GTPValue.apn(value)
        case 133:
            guard value.count == 4 || value.count == 16 else { throw .badElement(type: type) }
            message.gsnAddresses.append(Array(value))
        case 134: message.msisdn = value.count > 1 ? GTPValue.tbcd(value.dropFirst()) : nil
        case 151: message.ratType = value.first
        case 152: message.userLocation = Array(value)
        case 154: message.imei = GTPValue.tbcd(value)
        default: break
        }
    }

    /// End User Address (7.7.27): the PDP type organisation and number, then an IPv4 and/or IPv6 address.
    private static func endUserAddress(_ value: UnsafeRawBufferPointer) throws(GTPError) -> PDNAddress {
        guard value.count >= 2 else { throw .badElement(type: 128) }
        let addresses = UnsafeRawBufferPointer(rebasing: value[2...])
        switch (value[1], addresses.count) {
        case (0x21, 4): return PDNAddress(ipv4: GTPValue.address(addresses))
        case (0x57, 16): return PDNAddress(ipv6: GTPValue.address(addresses))
        case (0x8D, 20):
            return PDNAddress(ipv4: GTPValue.address(addresses[0..<4]), ipv6: GTPValue.address(addresses[4..<20]))
        case (0x8D, 4): return PDNAddress(ipv4: GTPValue.address(addresses))
        case (0x8D, 16): return PDNAddress(ipv6: GTPValue.address(addresses))
        case (_, 0): return PDNAddress()
        default: throw .badElement(type: 128)
        }
    }
}
