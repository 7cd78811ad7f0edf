/// The operator's input to `warrant add KIND`, as typed: the options every kind shares and the kind's target options.
public struct WarrantAddRequest: Sendable {
    /// The LIID.
    public var liid: String
    /// `--agency NAME`.
    public var agency: String
    /// The kind's target options; their kind is the warrant's.
    public var target: any WarrantTargetOptions
    /// `--auth-cc CC`, nil for the agency's country.
    public var authCC: String?
    /// `--delivery-cc CC`, nil for the agency's country.
    public var deliveryCC: String?
    /// `--start TIME`, nil for no lower bound.
    public var start: String?
    /// `--end TIME`, nil for no upper bound.
    public var end: String?
    /// `--deliver iri|cc|both`, nil for both.
    public var deliver: String?
    /// `--allow-past`: an `--end` before now is accepted.
    public var allowPast: Bool

    /// Creates a request.
    public init(
        liid: String,
        agency: String,
        target: any WarrantTargetOptions,
        authCC: String? = nil,
        deliveryCC: String? = nil,
        start: String? = nil,
        end: String? = nil,
        deliver: String? = nil,
        allowPast: Bool = false
    ) {
        self.liid = liid
        self.agency = agency
        self.target = target
        self.authCC = authCC
        self.deliveryCC = deliveryCC
        self.start = start
        self.end = end
        self.deliver = deliver
        self.allowPast = allowPast
    }
}
