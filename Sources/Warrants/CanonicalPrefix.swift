/// A static address prefix in canonical CIDR form, and whether host bits had to be cleared to get it.
public struct CanonicalPrefix: Sendable, Equatable {
    /// Canonical CIDR text: `198.51.100.7/32`, `2001:db8::/56`.
    public var text: String
    /// True when the input had bits set after the prefix length (they were cleared: `10.1.2.3/8` is `10.0.0.0/8`).
    public var hostBitsCleared: Bool

    /// Creates a value.
    public init(text: String, hostBitsCleared: Bool) {
        self.text = text
        self.hostBitsCleared = hostBitsCleared
    }
}
