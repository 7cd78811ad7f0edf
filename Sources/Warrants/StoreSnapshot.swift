/// What the running appliance needs from the store, read in one transaction.
public struct StoreSnapshot: Sendable, Equatable {
    /// The change id the snapshot reflects; compare with ``WarrantStore/changeID()`` to see whether it is stale.
    public var changeID: Int64
    /// The id of the last audit row the snapshot reflects (0 before the first change); pass it to
    /// ``WarrantStore/snapshotsSince(auditID:)`` for the states after each later change.
    public var auditID: Int64
    /// Every agency.
    public var agencies: [Agency]
    /// Every warrant, of every kind, that has not been ended (pending and expired ones included; their windows
    /// decide), by LIID.
    public var warrants: [Warrant]
    /// Every known server.
    public var servers: [KnownServer]
    /// Every UDP sink.
    public var sinks: [UDPSink]

    /// Creates a snapshot.
    public init(
        changeID: Int64,
        auditID: Int64 = 0,
        agencies: [Agency],
        warrants: [Warrant],
        servers: [KnownServer],
        sinks: [UDPSink] = []
    ) {
        self.changeID = changeID
        self.auditID = auditID
        self.agencies = agencies
        self.warrants = warrants
        self.servers = servers
        self.sinks = sinks
    }
}
