/// An address prefix (CIDR): an address with every bit after `length` cleared, and the length.
public struct IPPrefix: Hashable, Sendable, CustomStringConvertible {
    /// The network address, already masked to `length` bits.
    public let address: IPAddress
    /// The prefix length in bits: 0...32 for IPv4, 0...128 for IPv6.
    public let length: Int

    /// A prefix of `length` bits of `address`; the length is clamped to the family's width and the address masked.
    public init(address: IPAddress, length: Int) {
        let clamped = min(max(length, 0), address.bitWidth)
        self.address = address.masked(toPrefixLength: clamped)
        self.length = clamped
    }

    /// Parses `"198.51.100.0/24"` or `"2001:db8::/56"`; a bare address is a host prefix (/32 or /128). Host bits
    /// set in the text are cleared. Returns nil for a bad address, a non-decimal length or one beyond the width.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(String(parts[0])) else {
            return nil
        }
        guard parts.count == 2 else {
            self.init(address: address, length: address.bitWidth)
            return
        }
        let lengthText = parts[1]
        guard lengthText.count >= 1, lengthText.count <= 3,
            lengthText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let length = Int(lengthText), length <= address.bitWidth
        else {
            return nil
        }
        self.init(address: address, length: length)
    }

    /// True when `address` is of the same family and its first `length` bits equal the prefix's.
    public func contains(_ address: IPAddress) -> Bool {
        address.isIPv4 == self.address.isIPv4 && address.masked(toPrefixLength: length) == self.address
    }

    /// `address/length`, with the address in canonical form.
    public var description: String {
        "\(address)/\(length)"
    }
}
