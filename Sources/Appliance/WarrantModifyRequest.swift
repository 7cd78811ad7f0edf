/// The operator's input to `warrant modify` for a warrant of either kind: the options of
/// ``IPWarrantModifyRequest`` (those every kind shares, and the IP ones) and the VoIP targets.
public struct WarrantModifyRequest: Sendable {
    /// Every option but the VoIP targets; the IP ones (`--user`, `--no-user`, `--static-ip`, `--no-static-ip`,
    /// `--session-id`) are refused on a VoIP warrant.
    public var options: IPWarrantModifyRequest
    /// `--sip-uri URI`, repeatable: with ``tels``, the new target list of a VoIP warrant; nil when not given.
    public var sipURIs: [String]?
    /// `--tel NUMBER`, repeatable: with ``sipURIs``, the new target list of a VoIP warrant; nil when not given.
    public var tels: [String]?

    /// Creates a request.
    public init(options: IPWarrantModifyRequest, sipURIs: [String]? = nil, tels: [String]? = nil) {
        self.options = options
        self.sipURIs = sipURIs
        self.tels = tels
    }

    /// True when the request changes VoIP targets.
    var changesVoIPTargets: Bool {
        sipURIs != nil || tels != nil
    }

    /// The first IP-only option given, by its command-line name; nil when there is none.
    var ipOnlyOption: String? {
        if options.user != nil { return "--user" }
        if options.noUser { return "--no-user" }
        if options.staticIPs != nil { return "--static-ip" }
        if options.noStaticIPs { return "--no-static-ip" }
        if options.sessionID != nil { return "--session-id" }
        return nil
    }
}
