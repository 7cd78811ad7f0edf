/// The operator's input to `warrant add voip`, as typed.
public struct VoIPWarrantAddRequest: Sendable {
    /// The LIID.
    public var liid: String
    /// `--agency NAME`.
    public var agency: String
    /// `--sip-uri URI`, repeatable.
    public var sipURIs: [String]
    /// `--tel NUMBER`, repeatable.
    public var tels: [String]
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
        sipURIs: [String] = [],
        tels: [String] = [],
        authCC: String? = nil,
        deliveryCC: String? = nil,
        start: String? = nil,
        end: String? = nil,
        deliver: String? = nil,
        allowPast: Bool = false
    ) {
        self.liid = liid
        self.agency = agency
        self.sipURIs = sipURIs
        self.tels = tels
        self.authCC = authCC
        self.deliveryCC = deliveryCC
        self.start = start
        self.end = end
        self.deliver = deliver
        self.allowPast = allowPast
    }
}
