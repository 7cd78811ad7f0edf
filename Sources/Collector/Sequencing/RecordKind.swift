import ETSI

/// What a record is, which decides its handover and its numbering stream: a CC goes on HI3, an IRI or an HI1
/// notification on HI2; per (LIID, CIN) the CCs are numbered apart from the rest.
public enum RecordKind: Sendable, Equatable {
    /// Content of communication.
    case cc
    /// An IRI of a type (BEGIN, CONTINUE, END, REPORT).
    case iri(IRIType)
    /// An HI1 notification (liActivated, liModified, liDeactivated), sent on HI2 with CIN 0.
    case hi1

    /// The handover that carries it.
    public var handover: Handover { self == .cc ? .hi3 : .hi2 }
}
