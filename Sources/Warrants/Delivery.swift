/// Which records a warrant delivers: IRI (HI2), CC (HI3) or both.
public enum Delivery: String, Sendable, CaseIterable {
    /// Intercept-related information only.
    case iri
    /// Content of communication only.
    case cc
    /// Both IRI and CC.
    case both

    /// True when IRI records are delivered.
    public var includesIRI: Bool { self != .cc }

    /// True when CC records are delivered.
    public var includesCC: Bool { self != .iri }
}
