/// A party in a From, To, Contact, P-Asserted-Identity, P-Preferred-Identity or Remote-Party-ID header.
public struct SIPNameAddress: Sendable, Hashable {
    /// The display name without quotes, when one is given.
    public var displayName: String?
    /// The party's URI.
    public var uri: SIPURI
    /// The `tag` header parameter (From and To).
    public var tag: String?

    /// A party with `uri`, optional display name and tag.
    public init(displayName: String? = nil, uri: SIPURI, tag: String? = nil) {
        self.displayName = displayName
        self.uri = uri
        self.tag = tag
    }

    /// Parses `"Name" <uri>;params` or `uri;params`; nil when the URI is not a sip, sips or tel URI.
    init?(_ text: Substring) {
        let trimmed = SIPText.trim(text)
        let uriText: Substring
        let parameters: Substring
        if let open = trimmed.firstIndex(of: "<") {
            guard let close = trimmed[open...].firstIndex(of: ">") else {
                return nil
            }
            let name = SIPText.unquote(SIPText.trim(trimmed[..<open]))
            displayName = name.isEmpty ? nil : String(name)
            uriText = trimmed[trimmed.index(after: open)..<close]
            parameters = trimmed[trimmed.index(after: close)...]
        } else {
            uriText = trimmed.prefix { $0 != ";" }
            parameters = trimmed[uriText.endIndex...]
        }
        guard let uri = SIPURI(uriText) else {
            return nil
        }
        self.uri = uri
        tag = SIPText.parameter("tag", in: parameters.split(separator: ";")).map(String.init)
    }
}
