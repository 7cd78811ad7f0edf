import ETSI
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The embedded mediator: for every agency one HI2 and one HI3 connection, on one event loop. An actor on that
/// event loop's executor, so its own work and its connections' run on the same thread; records come in through the
/// nonisolated ``send(agency:handover:bytes:records:)``, which hands them to the loop.
public actor Mediator {
    /// What was still undelivered for one connection when the drain timed out.
    public struct Undelivered: Sendable {
        /// The connection.
        public var endpoint: HandoverEndpoint
        /// Records not acknowledged (still in the spool).
        public var records: Int
        /// Records that could not even be spooled (the disk was full to the last byte): lost.
        public var lost: Int
    }

    private let group: MultiThreadedEventLoopGroup
    private let loop: any EventLoop
    /// Runs the actor on the connections' event loop.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }
    /// Every connection, by agency name and handover, and in the order they were added.
    private let connections: Mutex<(byKey: [ConnectionKey: HandoverConnection], all: [HandoverConnection])>
    private let queueLimitBytes: Int
    private let logger: Logger
    private let onSpoolBlock: @Sendable (HandoverEndpoint, SpoolBlock?) -> Void
    private let onKeepAliveRoundTrip: @Sendable (HandoverEndpoint, Int64) -> Void

    private struct ConnectionKey: Hashable {
        var agency: String
        var handover: Handover
    }

    /// Creates the connections: each element of `settings` holds one agency's HI2 and HI3. `onSpoolBlock` hears when
    /// a connection's spool starts refusing records (capture must wait) and when it takes them again (nil);
    /// `onKeepAliveRoundTrip` hears the round trip of every answered keep-alive, in µs (metrics).
    public init(
        settings: [[HandoverSettings]],
        queueLimitBytes: Int,
        logger: Logger,
        onSpoolBlock: @escaping @Sendable (HandoverEndpoint, SpoolBlock?) -> Void = { _, _ in },
        onKeepAliveRoundTrip: @escaping @Sendable (HandoverEndpoint, Int64) -> Void = { _, _ in }
    ) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.queueLimitBytes = queueLimitBytes
        self.logger = logger
        self.onSpoolBlock = onSpoolBlock
        self.onKeepAliveRoundTrip = onKeepAliveRoundTrip
        loop = group.next()
        connections = Mutex(([:], []))
        add(settings.flatMap { $0 })
    }

    @discardableResult
    private nonisolated func add(_ settings: [HandoverSettings]) -> [HandoverConnection] {
        let added = settings.map { makeConnection($0) }
        connections.withLock { connections in
            for connection in added {
                let endpoint = connection.endpoint
                connections.byKey[ConnectionKey(agency: endpoint.agency, handover: endpoint.handover)] = connection
                connections.all.append(connection)
            }
        }
        return added
    }

    private nonisolated func makeConnection(_ settings: HandoverSettings) -> HandoverConnection {
        HandoverConnection(
            settings: settings,
            eventLoop: loop,
            queueLimitBytes: queueLimitBytes,
            logger: logger,
            onSpoolBlock: onSpoolBlock,
            onKeepAliveRoundTrip: onKeepAliveRoundTrip
        )
    }

    /// Whether an agency (by name) has its connections.
    public nonisolated func serves(agency: String) -> Bool {
        connections.withLock { $0.byKey[ConnectionKey(agency: agency, handover: .hi2)] != nil }
    }

    /// Adds and starts the HI2 and HI3 connections of an agency that a new warrant delivers to.
    public func addAgency(_ settings: [HandoverSettings]) async {
        for connection in add(settings) { _ = try? await connection.start().get() }
    }

    /// Opens every spool and starts every connection. Returns the spools that cannot be used (empty when all can).
    public func start() async -> [String] {
        var unusable: [String] = []
        for connection in connections.withLock({ $0.all }) {
            if let reason = (try? await connection.start().get()) ?? nil {
                unusable.append("\(connection.endpoint.label): \(reason)")
            }
        }
        return unusable
    }

    /// Queues PS-PDUs for an agency's HI2 or HI3 (blocks while its queue is full; the agency's connections exist
    /// before any of its records is numbered).
    public nonisolated func send(agency: String, handover: Handover, bytes: [UInt8], records: Int) {
        let connection = connections.withLock { $0.byKey[ConnectionKey(agency: agency, handover: handover)] }
        connection?.send(bytes, records: records)
    }

    /// The run is ending: records still coming from the pipeline are spooled past quotas and reserves, and nothing
    /// waits for room any more (a stopped run must not hang on a full spool, nor lose what it produced).
    public nonisolated func liftLimits() {
        for connection in connections.withLock({ $0.all }) { connection.liftLimits() }
    }

    /// Waits until the agencies have acknowledged every record and the connections are closed, for at most
    /// `timeoutSeconds`. Returns what is left unacknowledged (it stays in the spool for the next run, records that
    /// waited in memory included; empty when everything was delivered).
    public func drain(timeoutSeconds: Int64) async -> [Undelivered] {
        let all = connections.withLock { $0.all }
        let done = loop.makePromise(of: Void.self)
        EventLoopFuture.andAllComplete(all.map { $0.finish() }, on: loop).cascade(to: done)
        let timer = loop.scheduleTask(in: .seconds(timeoutSeconds)) { done.succeed() }
        try? await done.futureResult.get()
        timer.cancel()
        var left: [Undelivered] = []
        for connection in all {
            _ = try? await connection.abandon().get()
            guard let stats = try? await connection.statistics().get() else { continue }
            if stats.recordsSpooled > 0 || stats.recordsLost > 0 {
                left.append(
                    Undelivered(endpoint: connection.endpoint, records: stats.recordsSpooled, lost: stats.recordsLost)
                )
            }
        }
        return left
    }

    /// Every connection's counters, in the order of the endpoints.
    public func statistics() async -> [(HandoverEndpoint, HandoverStatistics)] {
        var all: [(HandoverEndpoint, HandoverStatistics)] = []
        for connection in connections.withLock({ $0.all }) {
            if let stats = try? await connection.statistics().get() { all.append((connection.endpoint, stats)) }
        }
        return all
    }

    /// Stops the event loop. Call after `drain`, from outside the mediator.
    public nonisolated func shutdown() async {
        try? await group.shutdownGracefully()
    }
}
