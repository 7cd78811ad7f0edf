/// Which object identifiers the records to an agency carry (the `ETSI` target maps the raw value to its profile).
public enum AgencyETSIProfile: String, Sendable, CaseIterable {
    /// The version arcs of the ASN.1 modules the appliance implements, the default.
    case current
    /// The arcs OpenLI 1.1.x sends, for receivers certified against OpenLI's output.
    case openli
}
