/// The operator's input to `warrant modify`, as typed: nil (or false) for what is not to change.
public struct IPWarrantModifyRequest: Sendable {
    /// The LIID of the warrant to change.
    public var liid: String
    /// `--agency NAME`.
    public var agency: String?
    /// `--user USERNAME`.
    public var user: String?
    /// `--no-user`: the warrant no longer targets a user name.
    public var noUser: Bool
    /// `--static-ip CIDR`, repeatable: the new list of prefixes; nil when not given.
    public var staticIPs: [String]?
    /// `--no-static-ip`: the warrant no longer targets static prefixes.
    public var noStaticIPs: Bool
    /// `--session-id N`.
    public var sessionID: String?
    /// `--auth-cc CC`.
    public var authCC: String?
    /// `--delivery-cc CC`.
    public var deliveryCC: String?
    /// `--start TIME`, or `none` to remove the lower bound.
    public var start: String?
    /// `--end TIME`, or `none` to remove the upper bound.
    public var end: String?
    /// `--deliver iri|cc|both`.
    public var deliver: String?
    /// `--allow-past`: an `--end` before now is accepted (it makes the warrant expire at once).
    public var allowPast: Bool

    /// Creates a request.
    public init(
        liid: String,
        agency: String? = nil,
        user: String? = nil,
        noUser: Bool = false,
        staticIPs: [String]? = nil,
        noStaticIPs: Bool = false,
        sessionID: String? = nil,
        authCC: String? = nil,
        deliveryCC: String? = nil,
        start: String? = nil,
        end: String? = nil,
        deliver: String? = nil,
        allowPast: Bool = false
    ) {
        self.liid = liid
        self.agency = agency
        self.user = user
        self.noUser = noUser
        self.staticIPs = staticIPs
        self.noStaticIPs = noStaticIPs
        self.sessionID = sessionID
        self.authCC = authCC
        self.deliveryCC = deliveryCC
        self.start = start
        self.end = end
        self.deliver = deliver
        self.allowPast = allowPast
    }

    /// True when the request changes nothing.
    var isEmpty: Bool {
        agency == nil && user == nil && !noUser && staticIPs == nil && !noStaticIPs && sessionID == nil
            && authCC == nil && deliveryCC == nil && start == nil && end == nil && deliver == nil
    }
}
