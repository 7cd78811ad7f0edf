/// A TCP endpoint of an agency's receiver: a host name or address and a port.
///
/// Text form: `host:port` or `address:port` for names and IPv4, `[address]:port` for IPv6. Addresses are kept in
/// canonical form and names in lower case, so equal endpoints compare equal.
public struct Endpoint: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A DNS name (lower case) or a canonical IPv4 or IPv6 address (without brackets).
    public var host: String
    /// The TCP port, 1-65535.
    public var port: UInt16

    /// Creates an endpoint from parts that are already valid.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// Reads `host:port` or `[v6]:port`; nil when the text is not an endpoint with a port in 1-65535.
    public init?(parsing text: String) {
        guard let (hostText, portText) = Endpoint.split(text), let port = Endpoint.port(portText) else {
            return nil
        }
        if hostText.hasPrefix("[") {
            guard hostText.hasSuffix("]"), let address = IPAddressText(String(hostText.dropFirst().dropLast())),
                address.isIPv6
            else {
                return nil
            }
            self.init(host: address.text, port: port)
        } else if let address = IPAddressText(String(hostText)), !address.isIPv6 {
            self.init(host: address.text, port: port)
        } else if Endpoint.isHostName(hostText) {
            self.init(host: hostText.lowercased(), port: port)
        } else {
            return nil
        }
    }

    /// `host:port`, with the host in brackets when it is an IPv6 address.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Splits at the last colon; the host part keeps its brackets.
    static func split(_ text: String) -> (Substring, Substring)? {
        guard let colon = text.lastIndex(of: ":") else {
            return nil
        }
        let host = text[..<colon]
        let port = text[text.index(after: colon)...]
        guard !host.isEmpty, host.hasPrefix("[") || !host.contains(":") else {
            return nil
        }
        return (host, port)
    }

    /// A decimal port in 1-65535 without sign or leading zeros; nil otherwise.
    static func port(_ text: Substring) -> UInt16? {
        guard !text.isEmpty, text.count <= 5, text.first != "0", text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = UInt16(text)
        else {
            return nil
        }
        return value
    }

    /// True for a DNS host name: dot-separated labels of letters, digits and inner hyphens, each 1-63 characters,
    /// 253 in all, not all digits (that would be a malformed IPv4 address).
    static func isHostName(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else {
            return false
        }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let wellFormed = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        let numeric = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
        return wellFormed && !numeric
    }
}
