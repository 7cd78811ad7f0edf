import Warrants

/// Test conveniences: a kind's warrants picked out of the one model, and a kind's target fields read and written in
/// place, so that tests written per kind read as they did.
extension Warrant {
    /// An IP warrant with the given target.
    static func ip(
        liid: String,
        agency: String,
        username: String? = nil,
        staticPrefixes: [String] = [],
        sessionID: UInt32 = 1,
        authorizationCountryCode: String,
        deliveryCountryCode: String
    ) -> Warrant {
        Warrant(
            liid: liid,
            agency: agency,
            target: .ip(IPTarget(username: username, staticPrefixes: staticPrefixes, sessionID: sessionID)),
            authorizationCountryCode: authorizationCountryCode,
            deliveryCountryCode: deliveryCountryCode
        )
    }

    /// The IP target's user name (nil for other kinds; setting it on another kind does nothing).
    var username: String? {
        get { target.ip?.username }
        set { updateIP { $0.username = newValue } }
    }

    /// The IP target's static prefixes.
    var staticPrefixes: [String] {
        get { target.ip?.staticPrefixes ?? [] }
        set { updateIP { $0.staticPrefixes = newValue } }
    }

    /// The IP target's session id.
    var sessionID: UInt32 {
        get { target.ip?.sessionID ?? 0 }
        set { updateIP { $0.sessionID = newValue } }
    }

    /// The VoIP targets (empty for other kinds; setting them makes the warrant a VoIP warrant).
    var targets: [VoIPTarget] {
        get { target.voip ?? [] }
        set { target = .voip(newValue) }
    }

    private mutating func updateIP(_ change: (inout IPTarget) -> Void) {
        guard var ip = target.ip else { return }
        change(&ip)
        target = .ip(ip)
    }
}

extension StoreSnapshot {
    /// The IP warrants.
    var ipWarrants: [Warrant] { warrants.filter { $0.target.kind == "ip" } }
    /// The VoIP warrants.
    var voipWarrants: [Warrant] { warrants.filter { $0.target.kind == "voip" } }
}

extension WarrantStore {
    /// The IP warrants.
    func ipWarrants(includeEnded: Bool) throws -> [Warrant] {
        try warrants(includeEnded: includeEnded).filter { $0.target.kind == "ip" }
    }

    /// The VoIP warrants.
    func voipWarrants(includeEnded: Bool) throws -> [Warrant] {
        try warrants(includeEnded: includeEnded).filter { $0.target.kind == "voip" }
    }
}
