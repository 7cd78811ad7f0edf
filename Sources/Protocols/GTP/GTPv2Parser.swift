/// Parses GTPv2-C messages (TS 29.274 §5 header, §8 information elements) into ``GTPv2Message``. Elements it does not
/// use are skipped by their length; an element that runs past its message or group is an error.
public enum GTPv2Parser {
    /// Parses one message from a UDP payload (a piggybacked message, if any, is ignored).
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(GTPError) -> GTPv2Message {
        guard bytes.count >= 8 else { throw .truncated }
        let flags = bytes[0]
        guard flags >> 5 == 2 else { throw .unsupportedVersion }
        let hasTEID = flags & 0x08 != 0
        let length = Int(bytes[2]) << 8 | Int(bytes[3])
        guard 4 + length <= bytes.count, length >= (hasTEID ? 8 : 4) else { throw .truncated }
        var index = 4
        var teid: UInt32?
        if hasTEID {
            teid = read32(bytes, 4)
            index = 8
        }
        let sequence = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
        var message = GTPv2Message(messageType: bytes[1], teid: teid, sequence: sequence)
        try elements(bytes, from: index + 4, to: 4 + length) { type, instance, value throws(GTPError) in
            try apply(type, instance, value, to: &message)
        }
        return message
    }

    /// Calls `body` with each element (type, instance, value) between `start` and `end`.
    static func elements(
        _ bytes: UnsafeRawBufferPointer,
        from start: Int,
        to end: Int,
        _ body: (UInt8, UInt8, UnsafeRawBufferPointer) throws(GTPError) -> Void
    ) throws(GTPError) {
        var index = start
        while index < end {
            guard index + 4 <= end else { throw .truncated }
            let type = bytes[index]
            let length = Int(bytes[index + 1]) << 8 | Int(bytes[index + 2])
            let instance = bytes[index + 3] & 0x0F
            guard index + 4 + length <= end else { throw .badElement(type: type) }
            try body(type, instance, UnsafeRawBufferPointer(rebasing: bytes[(index + 4)..<(index + 4 + length)]))
            index += 4 + length
        }
    }

    private static func apply(
        _ type: UInt8,
        _ instance: UInt8,
        _ value: UnsafeRawBufferPointer,
        to message: inout GTPv2Message
    ) throws(GTPError) {
        switch type {
        case 1: message.imsi = GTPValue.tbcd(value)
        case 2: message.cause = value.first
        case 71: message.apn = GTPValue.apn(value)
        case 72: message.apnAMBR = Array(value)
        case 73: message.linkedEBI = value.first.map { $0 & 0x0F }
        case 75: message.mei = GTPValue.tbcd(value)
        case 76: message.msisdn = GTPValue.tbcd(value)
        case 79: message.pdnAddress = try pdnAddress(value)
        case 82: message.ratType = value.first
        case 86: message.userLocation = Array(value)
        case 87: message.fteids.append(try fteid(value, instance: instance))
        case 93: message.bearers.append(try bearer(value))
        case 99: message.pdnType = value.first.map { $0 & 0x07 }
        default: break
        }
    }

    private static func bearer(_ value: UnsafeRawBufferPointer) throws(GTPError) -> GTPv2Message.Bearer {
        var bearer = GTPv2Message.Bearer()
        try elements(value, from: 0, to: value.count) { type, instance, inner throws(GTPError) in
            switch type {
            case 2: bearer.cause = inner.first
            case 73: bearer.ebi = inner.first.map { $0 & 0x0F }
            case 87: bearer.fteids.append(try fteid(inner, instance: instance))
            case 93: throw .nestedTooDeep
            default: break
            }
        }
        return bearer
    }

    /// F-TEID (8.22): V4 and V6 flags and the interface type, the TEID, then the addresses the flags announce.
    static func fteid(_ value: UnsafeRawBufferPointer, instance: UInt8) throws(GTPError) -> FullyQualifiedTEID {
        guard value.count >= 5 else { throw .badElement(type: 87) }
        let hasV4 = value[0] & 0x80 != 0
        let hasV6 = value[0] & 0x40 != 0
        guard value.count >= 5 + (hasV4 ? 4 : 0) + (hasV6 ? 16 : 0) else { throw .badElement(type: 87) }
        var fteid = FullyQualifiedTEID(instance: instance, interfaceType: value[0] & 0x3F, teid: read32(value, 1))
        if hasV4 { fteid.ipv4 = GTPValue.address(value[5..<9]) }
        if hasV6 {
            let start = hasV4 ? 9 : 5
            fteid.ipv6 = GTPValue.address(value[start..<(start + 16)])
        }
        return fteid
    }

    /// PAA (8.14): the PDN type, then an IPv4 address, an IPv6 prefix length and address, or both.
    private static func pdnAddress(_ value: UnsafeRawBufferPointer) throws(GTPError) -> PDNAddress {
        guard let first = value.first else { throw .badElement(type: 79) }
        switch first & 0x07 {
        case 1:
            guard value.count >= 5 else { throw .badElement(type: 79) }
            return PDNAddress(ipv4: GTPValue.address(value[1..<5]))
        case 2:
            guard value.count >= 18 else { throw .badElement(type: 79) }
            return PDNAddress(ipv6: GTPValue.address(value[2..<18]), ipv6PrefixLength: value[1])
        case 3:
            guard value.count >= 22 else { throw .badElement(type: 79) }
            return PDNAddress(
                ipv4: GTPValue.address(value[18..<22]),
                ipv6: GTPValue.address(value[2..<18]),
                ipv6PrefixLength: value[1]
            )
        default:
            throw .badElement(type: 79)
        }
    }

    static func read32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}
