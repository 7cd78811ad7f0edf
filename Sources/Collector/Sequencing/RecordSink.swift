import ETSI

/// Where the sequencer sends whole, numbered PS-PDUs: the embedded mediator (or a test's collector).
public protocol RecordSink: Sendable {
    /// Takes a run of concatenated PS-PDUs for one agency's HI2 or HI3, in sequence order; `agency` is the agency's
    /// name, its identity for the whole run. May block to apply back-pressure; must not drop.
    func deliver(agency: String, handover: Handover, bytes: [UInt8], records: Int)
}
