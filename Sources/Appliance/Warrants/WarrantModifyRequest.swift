/// The operator's input to `warrant modify`, as typed: nil (or false) for what is not to change.
public struct WarrantModifyRequest: Sendable {
    /// The LIID of the warrant to change.
    public var liid: String
    /// `--agency NAME`.
    public var agency: String?
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
    /// The target options of every kind, as given (those of the warrant's kind apply; another kind's are refused).
    public var targets: [any WarrantTargetOptions]

    /// Creates a request.
    public init(
        liid: String,
        agency: String? = nil,
        authCC: String? = nil,
        deliveryCC: String? = nil,
        start: String? = nil,
        end: String? = nil,
        deliver: String? = nil,
        allowPast: Bool = false,
        targets: [any WarrantTargetOptions] = []
    ) {
        self.liid = liid
        self.agency = agency
        self.authCC = authCC
        self.deliveryCC = deliveryCC
        self.start = start
        self.end = end
        self.deliver = deliver
        self.allowPast = allowPast
        self.targets = targets
    }

    /// True when none of the options every kind shares is given.
    var changesNoSharedField: Bool {
        agency == nil && authCC == nil && deliveryCC == nil && start == nil && end == nil && deliver == nil
    }
}
