import Packets

/// Parses RADIUS packets (RFC 2865 layout: Code, Identifier, Length, Authenticator, then type-length-value
/// attributes).
public enum RADIUSParser {
    /// The size of the fixed header: Code (1), Identifier (1), Length (2), Authenticator (16).
    static let headerLength = 20

    /// `bytes` is the UDP payload. Header length must be >= 20 and <= bytes.count (extra trailing bytes beyond the
    /// header length are ignored, per RFC 2865); every attribute length must be >= 2 and fit inside the message.
    ///
    /// An attribute the appliance reads whose value has the wrong size for its type (an address that is not 4 or
    /// 16 bytes, an empty string) is skipped as RFC 6929 section 2.8 advises for invalid attributes.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(RADIUSError) -> RADIUSMessage {
        guard bytes.count >= headerLength else {
            throw .tooShort
        }
        let length = Int(bytes[2]) << 8 | Int(bytes[3])
        guard length >= headerLength, length <= bytes.count else {
            throw .badLength
        }
        guard let code = RADIUSCode(rawValue: bytes[0]) else {
            throw .unknownCode
        }
        var message = RADIUSMessage(
            code: code,
            identifier: bytes[1],
            authenticator: Array(UnsafeRawBufferPointer(rebasing: bytes[4..<headerLength]))
        )
        var counters = RADIUSOctetCounters()
        var offset = headerLength
        while offset < length {
            guard offset + 2 <= length else {
                throw .badAttribute
            }
            let attributeLength = Int(bytes[offset + 1])
            guard attributeLength >= 2, offset + attributeLength <= length else {
                throw .badAttribute
            }
            let value = UnsafeRawBufferPointer(rebasing: bytes[(offset + 2)..<(offset + attributeLength)])
            apply(type: bytes[offset], value: value, to: &message, counters: &counters)
            offset += attributeLength
        }
        message.acctInputOctets = counters.input
        message.acctOutputOctets = counters.output
        return message
    }

    /// Stores one attribute's value in `message` if it is one the appliance reads and not already set.
    private static func apply(
        type: UInt8,
        value: UnsafeRawBufferPointer,
        to message: inout RADIUSMessage,
        counters: inout RADIUSOctetCounters
    ) {
        switch type {
        case RADIUSAttributeType.userName:
            message.userName = message.userName ?? text(value)
        case RADIUSAttributeType.nasIPAddress:
            message.nasIPAddress = message.nasIPAddress ?? address(value, size: 4)
        case RADIUSAttributeType.nasPort:
            message.nasPort = message.nasPort ?? integer(value)
        case RADIUSAttributeType.framedIPAddress:
            message.framedIPAddress = message.framedIPAddress ?? address(value, size: 4)
        case RADIUSAttributeType.calledStationID:
            message.calledStationID = message.calledStationID ?? text(value)
        case RADIUSAttributeType.callingStationID:
            message.callingStationID = message.callingStationID ?? text(value)
        case RADIUSAttributeType.nasIdentifier:
            message.nasIdentifier = message.nasIdentifier ?? text(value)
        case RADIUSAttributeType.acctStatusType:
            if message.acctStatusTypeRaw == nil, let raw = integer(value) {
                message.acctStatusTypeRaw = raw
                message.acctStatusType = AcctStatusType(rawValue: raw)
            }
        case RADIUSAttributeType.acctInputOctets:
            counters.inputOctets = counters.inputOctets ?? integer(value)
        case RADIUSAttributeType.acctOutputOctets:
            counters.outputOctets = counters.outputOctets ?? integer(value)
        case RADIUSAttributeType.acctInputGigawords:
            counters.inputGigawords = counters.inputGigawords ?? integer(value)
        case RADIUSAttributeType.acctOutputGigawords:
            counters.outputGigawords = counters.outputGigawords ?? integer(value)
        case RADIUSAttributeType.acctSessionID:
            message.acctSessionID = message.acctSessionID ?? text(value)
        case RADIUSAttributeType.acctTerminateCause:
            message.acctTerminateCause = message.acctTerminateCause ?? integer(value)
        case RADIUSAttributeType.nasPortID:
            message.nasPortID = message.nasPortID ?? text(value)
        case RADIUSAttributeType.nasIPv6Address:
            message.nasIPv6Address = message.nasIPv6Address ?? address(value, size: 16)
        case RADIUSAttributeType.framedIPv6Prefix:
            message.framedIPv6Prefix = message.framedIPv6Prefix ?? ipv6Prefix(value)
        case RADIUSAttributeType.delegatedIPv6Prefix:
            message.delegatedIPv6Prefix = message.delegatedIPv6Prefix ?? ipv6Prefix(value)
        case RADIUSAttributeType.framedIPv6Address:
            message.framedIPv6Address = message.framedIPv6Address ?? address(value, size: 16)
        default:
            return
        }
    }

    /// A text value decoded as UTF-8 (invalid sequences replaced) with trailing NULs removed; nil when empty.
    static func text(_ value: UnsafeRawBufferPointer) -> String? {
        guard !value.isEmpty else {
            return nil
        }
        var end = value.count
        while end > 0 && value[end - 1] == 0 {
            end -= 1
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: value[0..<end]), as: UTF8.self)
    }

    /// A 32-bit big-endian integer value; nil unless exactly 4 bytes.
    static func integer(_ value: UnsafeRawBufferPointer) -> UInt32? {
        guard value.count == 4 else {
            return nil
        }
        return UInt32(value[0]) << 24 | UInt32(value[1]) << 16 | UInt32(value[2]) << 8 | UInt32(value[3])
    }

    /// An address value of exactly `size` bytes (4 or 16).
    static func address(_ value: UnsafeRawBufferPointer, size: Int) -> IPAddress? {
        guard value.count == size else {
            return nil
        }
        return IPAddress(bytes: value)
    }

    /// An IPv6 prefix value (RFC 3162 section 2.3): reserved byte, prefix length 0...128, then up to 16 prefix
    /// bytes; bytes left out are zero.
    static func ipv6Prefix(_ value: UnsafeRawBufferPointer) -> IPPrefix? {
        guard value.count >= 2, value.count <= 18, value[1] <= 128 else {
            return nil
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<16 {
            let byte = 2 + index < value.count ? UInt64(value[2 + index]) : 0
            if index < 8 {
                high = high << 8 | byte
            } else {
                low = low << 8 | byte
            }
        }
        return IPPrefix(address: .v6(high: high, low: low), length: Int(value[1]))
    }
}
