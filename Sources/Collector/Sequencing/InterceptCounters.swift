/// What was produced for one intercept (LIID), for the run's summary.
public struct InterceptCounters: Sendable {
    /// The warrant's LIID.
    public var liid: String
    /// IRIs by IRIType raw value (index 1 begin, 2 end, 3 continue, 4 report).
    public var irisByType: [Int] = [0, 0, 0, 0, 0]
    /// CC records.
    public var ccs = 0
    /// HI1 notifications (liActivated, liDeactivated, liModified).
    public var hi1 = 0
    /// Distinct CINs seen.
    public var cins: Set<UInt32> = []

    /// Creates zeroed counters.
    public init(liid: String) {
        self.liid = liid
    }

    /// All IRIs.
    public var iris: Int { irisByType.reduce(0, +) }
}
