import Logging
import NIOCore
import NIOPosix
import Synchronization

/// The embedded mediator: for every agency one HI2 and one HI3 connection, on one event loop.
public final class Mediator: Sendable {
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
    private let connections: Mutex<[HandoverConnection]>
    private let queueLimitBytes: Int
    private let logger: Logger
    private let onSpoolBlock: @Sendable (HandoverEndpoint, SpoolBlock?) -> Void

    /// Creates the connections: `settings[i]` are agency i's HI2 and HI3, in that order. `onSpoolBlock` hears when
    /// a connection's spool starts refusing records (capture must wait) and when it takes them again (nil).
    public init(
        settings: [[HandoverSettings]],
        queueLimitBytes: Int,
        logger: Logger,
        onSpoolBlock: @escaping @Sendable (HandoverEndpoint, SpoolBlock?) -> Void = { _, _ in }
    ) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.queueLimitBytes = queueLimitBytes
        self.logger = logger
        self.onSpoolBlock = onSpoolBlock
        connections = Mutex([])
        let loop = group.next()
        connections.withLock { $0 = settings.flatMap { $0 }.map { self.makeConnection($0, on: loop) } }
    }

    private func makeConnection(_ settings: HandoverSettings, on loop: any EventLoop) -> HandoverConnection {
        HandoverConnection(
            settings: settings,
            eventLoop: loop,
            queueLimitBytes: queueLimitBytes,
            logger: logger,
            onSpoolBlock: onSpoolBlock
        )
    }

    /// Number of agencies with connections.
    public var agencyCount: Int { connections.withLock { $0.count / 2 } }

    /// Adds and starts the HI2 and HI3 connections of an agency that a new warrant delivers to; it becomes agency
    /// number `agencyCount` (before the call).
    public func addAgency(_ settings: [HandoverSettings]) {
        let loop = group.next()
        let added = settings.map { makeConnection($0, on: loop) }
        connections.withLock { $0.append(contentsOf: added) }
        for connection in added { _ = connection.start() }
    }

    /// Opens every spool and starts every connection. Returns the spools that cannot be used (empty when all can).
    public func start() -> [String] {
        connections.withLock { $0 }.compactMap { connection in
            connection.start().map { "\(connection.endpoint.label): \($0)" }
        }
    }

    /// Queues PS-PDUs for agency `agencyIndex`'s HI2 (`interface` 0) or HI3 (1).
    public func send(agencyIndex: Int, interface: Int, bytes: [UInt8], records: Int) {
        let connection = connections.withLock { $0[agencyIndex * 2 + interface] }
        connection.send(bytes, records: records)
    }

    /// The run is ending: records still coming from the pipeline are spooled past quotas and reserves, and nothing
    /// waits for room any more (a stopped run must not hang on a full spool, nor lose what it produced).
    public func liftLimits() {
        for connection in connections.withLock({ $0 }) { connection.liftLimits() }
    }

    /// Waits until the agencies have acknowledged every record and the connections are closed, for at most
    /// `timeoutSeconds`. Returns what is left unacknowledged (it stays in the spool for the next run, records that
    /// waited in memory included; empty when everything was delivered). Blocks the calling thread.
    public func drain(timeoutSeconds: Int64) -> [Undelivered] {
        let loop = group.next()
        let all = EventLoopFuture.andAllComplete(connections.withLock { $0 }.map { $0.finish() }, on: loop)
        let done = loop.makePromise(of: Void.self)
        all.cascade(to: done)
        let timer = loop.scheduleTask(in: .seconds(timeoutSeconds)) { done.succeed() }
        try? done.futureResult.wait()
        timer.cancel()
        var left: [Undelivered] = []
        for connection in connections.withLock({ $0 }) {
            _ = try? connection.abandon().wait()
            guard let stats = try? connection.statistics().wait() else { continue }
            if stats.recordsSpooled > 0 || stats.recordsLost > 0 {
                left.append(
                    Undelivered(endpoint: connection.endpoint, records: stats.recordsSpooled, lost: stats.recordsLost)
                )
            }
        }
        return left
    }

    /// Every connection's counters, in the order of the endpoints.
    public func statistics() -> [(HandoverEndpoint, HandoverStatistics)] {
        connections.withLock { $0 }.compactMap { connection in
            (try? connection.statistics().wait()).map { (connection.endpoint, $0) }
        }
    }

    /// Stops the event loop. Call after `drain`.
    public func shutdown() {
        try? group.syncShutdownGracefully()
    }
}
