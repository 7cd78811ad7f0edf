import Packets

/// A tunnel endpoint as GTP-C announces it: an address and the TEID packets to it carry (F-TEID in GTPv2; TEID and
/// GSN address in GTPv1).
public struct TunnelEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The endpoint's address.
    public var address: IPAddress
    /// The tunnel endpoint identifier.
    public var teid: UInt32

    /// Creates an endpoint.
    public init(address: IPAddress, teid: UInt32) {
        self.address = address
        self.teid = teid
    }

    public var description: String { "\(address)/0x\(String(teid, radix: 16))" }
}

/// A GTPv2 F-TEID: the interface it belongs to, its TEID and its IPv4 and/or IPv6 address.
public struct FullyQualifiedTEID: Sendable, Equatable {
    /// The IE instance (which F-TEID of its message or group it is).
    public var instance: UInt8
    /// The interface type (TS 29.274 8.22: 0 S1-U eNodeB, 1 S1-U SGW, 4 S5/S8 SGW GTP-U, 5 S5/S8 PGW GTP-U,
    /// 6 S5/S8 SGW GTP-C, 7 S5/S8 PGW GTP-C, 10 S11 MME, 11 S11/S4 SGW GTP-C, ...).
    public var interfaceType: UInt8
    /// The TEID or GRE key.
    public var teid: UInt32
    /// The IPv4 address, if present.
    public var ipv4: IPAddress?
    /// The IPv6 address, if present.
    public var ipv6: IPAddress?

    /// The endpoints (one per address present).
    public var endpoints: [TunnelEndpoint] {
        [ipv4, ipv6].compactMap { $0.map { TunnelEndpoint(address: $0, teid: teid) } }
    }
}

/// The addresses a PDN connection or PDP context was given (PAA in GTPv2, End User Address in GTPv1).
public struct PDNAddress: Sendable, Equatable {
    /// The IPv4 address, if any.
    public var ipv4: IPAddress?
    /// The IPv6 address or prefix, if any.
    public var ipv6: IPAddress?
    /// The IPv6 prefix length, when an IPv6 prefix was given.
    public var ipv6PrefixLength: UInt8?

    /// Creates an allocation.
    public init(ipv4: IPAddress? = nil, ipv6: IPAddress? = nil, ipv6PrefixLength: UInt8? = nil) {
        self.ipv4 = ipv4
        self.ipv6 = ipv6
        self.ipv6PrefixLength = ipv6PrefixLength
    }

    /// Whether no address was allocated (a request's placeholder, 0.0.0.0 or ::).
    public var isEmpty: Bool {
        (ipv4 == nil || ipv4?.bytes.allSatisfy { $0 == 0 } == true)
            && (ipv6 == nil || ipv6?.bytes.allSatisfy { $0 == 0 } == true)
    }
}

/// Decoding of the value formats GTP's identity and name elements share.
public enum GTPValue {
    /// Telephony BCD (TS 29.274 8.3, TS 24.008 10.5.1.4): two digits per octet, low nibble first, 0xF as filler.
    /// Nil when a nibble other than the final filler is not a digit.
    public static func tbcd(_ bytes: some Collection<UInt8>) -> String? {
        var digits: [UInt8] = []
        digits.reserveCapacity(bytes.count * 2)
        var ended = false
        for byte in bytes {
            for half in 0..<2 {
                let nibble = half == 0 ? byte & 0x0F : byte >> 4
                if nibble == 0x0F {
                    ended = true
                } else if nibble <= 9, !ended {
                    digits.append(nibble + 0x30)
                } else {
                    return nil
                }
            }
        }
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    /// An access point name from its DNS labels (`8 internet 7 example` becomes `internet.example`); nil when the
    /// labels run past the element.
    public static func apn(_ bytes: some Collection<UInt8>) -> String? {
        let octets = Array(bytes)
        var labels: [String] = []
        var index = 0
        while index < octets.count {
            let length = Int(octets[index])
            guard length > 0, index + 1 + length <= octets.count else { return nil }
            labels.append(String(decoding: octets[(index + 1)..<(index + 1 + length)], as: UTF8.self))
            index += 1 + length
        }
        return labels.isEmpty ? nil : labels.joined(separator: ".")
    }

    /// An IPv4 or IPv6 address from 4 or 16 octets.
    public static func address(_ bytes: some Collection<UInt8>) -> IPAddress? {
        let octets = Array(bytes)
        guard octets.count == 4 || octets.count == 16 else { return nil }
        return octets.withUnsafeBytes { IPAddress(bytes: $0) }
    }
}
