/// The operator's input to `agency modify`, as typed: the agency and its new encryption and integrity settings.
public struct AgencyModifyRequest: Sendable {
    /// The agency's name.
    public var name: String
    /// The encryption and integrity options.
    public var protection: AgencyProtectionOptions

    /// Creates a request.
    public init(name: String, protection: AgencyProtectionOptions) {
        self.name = name
        self.protection = protection
    }
}
