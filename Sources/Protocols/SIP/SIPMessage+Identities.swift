extension SIPMessage {
    /// The Call-ID.
    public var callID: String? {
        value(of: "call-id")
    }

    /// The CSeq number and method; nil when absent or malformed.
    public var cseq: SIPCSeq? {
        value(of: "cseq").flatMap { SIPCSeq($0) }
    }

    /// The From party; nil when absent or not a sip, sips or tel URI.
    public var from: SIPNameAddress? {
        value(of: "from").flatMap { SIPNameAddress(Substring($0)) }
    }

    /// The To party; nil when absent or not a sip, sips or tel URI.
    public var to: SIPNameAddress? {
        value(of: "to").flatMap { SIPNameAddress(Substring($0)) }
    }

    /// Every party in P-Asserted-Identity headers (RFC 3325), in order.
    public var pAssertedIdentities: [SIPNameAddress] {
        parties(in: "p-asserted-identity")
    }

    /// Every party in P-Preferred-Identity headers (RFC 3325), in order.
    public var pPreferredIdentities: [SIPNameAddress] {
        parties(in: "p-preferred-identity")
    }

    /// Every party in Remote-Party-ID headers, in order.
    public var remotePartyIDs: [SIPNameAddress] {
        parties(in: "remote-party-id")
    }

    /// The `username` parameter of the Authorization header.
    public var authorizationUsername: String? {
        value(of: "authorization").flatMap(Self.username)
    }

    /// The `username` parameter of the Proxy-Authorization header.
    public var proxyAuthorizationUsername: String? {
        value(of: "proxy-authorization").flatMap(Self.username)
    }

    /// The local session identifier of the Session-ID header (RFC 7329), in lower case, without parameters.
    public var sessionID: String? {
        guard let value = value(of: "session-id") else {
            return nil
        }
        let identifier = SIPText.trim(value.prefix { $0 != ";" })
        return identifier.isEmpty ? nil : identifier.lowercased()
    }

    /// The parties of every header named `name`, comma-separated lists split; unparseable entries skipped.
    private func parties(in name: String) -> [SIPNameAddress] {
        values(of: name).flatMap { value in
            SIPText.split(Substring(value), at: ",").compactMap { SIPNameAddress($0) }
        }
    }

    /// The `username="..."` parameter of a credentials value such as `Digest username="alice", realm="x"`.
    private static func username(_ credentials: String) -> String? {
        let trimmed = SIPText.trim(Substring(credentials))
        let scheme = trimmed.prefix { $0 != " " && $0 != "\t" }
        let parameters = SIPText.split(trimmed[scheme.endIndex...], at: ",")
        return SIPText.parameter("username", in: parameters).map(String.init)
    }
}
