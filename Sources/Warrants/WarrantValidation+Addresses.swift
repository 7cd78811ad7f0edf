extension WarrantValidation {
    /// An IPv4 or IPv6 address, optionally with `/length`, as canonical CIDR text.
    ///
    /// A bare address is a host prefix (`/32` or `/128`). Host bits after the prefix length are accepted and
    /// cleared; ``CanonicalPrefix/hostBitsCleared`` says so, and the command line reports it.
    public static func prefix(_ text: String, field: String = "static_prefixes") throws(StoreError) -> CanonicalPrefix {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddressText(String(parts[0])) else {
            throw .invalid(field, text, "is not an IPv4 or IPv6 address or CIDR prefix")
        }
        var length = address.bitWidth
        if parts.count == 2 {
            guard let value = decimal(String(parts[1])), value <= address.bitWidth, parts[1].count <= 3 else {
                throw .invalid(field, text, "has no prefix length in 0-\(address.bitWidth)")
            }
            length = value
        }
        let network = address.masked(toPrefixLength: length)
        return CanonicalPrefix(text: "\(network.text)/\(length)", hostBitsCleared: network != address)
    }

    /// A server address with an optional port: `192.0.2.1`, `192.0.2.1:1812`, `2001:db8::1`, `[2001:db8::1]`,
    /// `[2001:db8::1]:1812`. The address comes back canonical; the port is nil when none was given.
    public static func serverAddress(
        _ text: String,
        field: String = "ADDRESS"
    ) throws(StoreError) -> (address: String, port: UInt16?) {
        let invalid = StoreError.invalid(
            field,
            text,
            "is not an IP address with an optional port (IPv6 as [address]:port)"
        )
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"),
                let address = IPAddressText(String(text[text.index(after: text.startIndex)..<close])),
                address.isIPv6
            else {
                throw invalid
            }
            let rest = text[text.index(after: close)...]
            if rest.isEmpty {
                return (address.text, nil)
            }
            guard rest.hasPrefix(":"), let port = Endpoint.port(rest.dropFirst()) else {
                throw invalid
            }
            return (address.text, port)
        }
        if let address = IPAddressText(text) {
            return (address.text, nil)
        }
        guard let (host, portText) = Endpoint.split(text), !host.hasPrefix("["),
            let address = IPAddressText(String(host)), !address.isIPv6, let port = Endpoint.port(portText)
        else {
            throw invalid
        }
        return (address.text, port)
    }
}
