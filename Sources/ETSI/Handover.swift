/// The two handover interfaces of TS 102 232-1 that carry records: HI2 carries IRIs (and HI1 notifications), HI3
/// carries CCs. The one spelling of "which interface" from the sequencer through the mediator to the status file.
public enum Handover: String, Sendable, CaseIterable, CustomStringConvertible, Codable {
    /// IRIs.
    case hi2 = "HI2"
    /// CCs.
    case hi3 = "HI3"

    /// "HI2" or "HI3".
    public var description: String { rawValue }
}
