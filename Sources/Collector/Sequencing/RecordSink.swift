/// The two handover interfaces of TS 102 232-1: HI2 carries IRIs, HI3 carries CCs.
public enum Handover: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// IRIs.
    case hi2 = 0
    /// CCs.
    case hi3 = 1

    /// "HI2" or "HI3".
    public var description: String { self == .hi2 ? "HI2" : "HI3" }
}

/// Where the sequencer sends whole, numbered PS-PDUs: the embedded mediator (or a test's collector).
public protocol RecordSink: Sendable {
    /// Takes a run of concatenated PS-PDUs for one agency's HI2 or HI3, in sequence order. May block to apply
    /// back-pressure; must not drop.
    func deliver(agencyIndex: Int, handover: Handover, bytes: [UInt8], records: Int)
}
