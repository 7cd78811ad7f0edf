/// One side of a crafted SIP dialog: its address-of-record, its tag, and where its SIP is sent from.
public struct SIPParty: Sendable, Equatable {
    /// The URI in From or To, e.g. `sip:alice@example.net` or `tel:00643257781`.
    public var uri: String
    /// The display name, if any.
    public var displayName: String?
    /// The From or To tag.
    public var tag: String
    /// The address and port its SIP leaves from (Via, Contact).
    public var signalling: SIPEndpoint

    /// A party.
    public init(uri: String, displayName: String? = nil, tag: String, signalling: SIPEndpoint) {
        self.uri = uri
        self.displayName = displayName
        self.tag = tag
        self.signalling = signalling
    }

    /// `"Name" <uri>` or `<uri>`, without a tag.
    public var nameAddress: String {
        (displayName.map { "\"\($0)\" " } ?? "") + "<\(uri)>"
    }

    /// The Contact URI: the user part of `uri` at the signalling address.
    public func contact(transport: String) -> String {
        var user = uri
        if let colon = user.firstIndex(of: ":") { user = String(user[user.index(after: colon)...]) }
        if let at = user.firstIndex(of: "@") { user = String(user[..<at]) }
        if let semicolon = user.firstIndex(of: ";") { user = String(user[..<semicolon]) }
        let parameter = transport == "UDP" ? "" : ";transport=\(transport.lowercased())"
        return "<sip:\(user)@\(signalling)\(parameter)>"
    }
}
