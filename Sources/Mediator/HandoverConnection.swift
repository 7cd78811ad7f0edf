import ETSI
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// One outgoing handover connection (an agency's HI2 or HI3).
///
/// Every record goes first into the connection's on-disk spool and leaves it only when the agency has provably
/// received it: a keep-alive response acknowledges everything written before its keep-alive. The connection
/// connects (TLS unless the agency is configured for plaintext), retries while the agency is unreachable, sends
/// from the spool while the channel is writable (so a keep-alive is never stuck behind a backlog), and after a
/// reconnect sends again everything not yet acknowledged.
///
/// All mutable state lives on one event loop; `send` may be called from any thread (the sequencer's) and hops to
/// the loop once per chunk of records, never per record.
public final class HandoverConnection: @unchecked Sendable {
    // Safe to share: its mutable state is touched only on its event loop (every public method hops there first);
    // the byte budget is thread-safe on its own.
    /// Where the connection goes, and how.
    public let settings: HandoverSettings
    let eventLoop: any EventLoop
    let logger: Logger
    let budget: ByteBudget
    let queueLimitBytes: Int
    let onSpoolBlock: @Sendable (HandoverEndpoint, SpoolBlock?) -> Void
    let onKeepAliveRoundTrip: @Sendable (HandoverEndpoint, Int64) -> Void
    var spoolRetry: Scheduled<Void>?
    /// The run is ending: records go into the spool past its quota and reserve, and `send` no longer waits.
    var limitsLifted = false
    var spool: HandoverSpool?
    var tlsContext: NIOSSLContext?
    var unusableReason: String?
    var waitingForQuota = CircularBuffer<[UInt8]>()
    var waitingRecords = CircularBuffer<Int>()
    var channel: (any Channel)?
    var connecting = false
    var generation = 0
    var stopped = false
    var closing = false
    var finishing: EventLoopPromise<Void>?
    var keepAlive = KeepAliveState()
    var stats = HandoverStatistics()

    /// Creates a connection; nothing happens until `start`. `onSpoolBlock` hears (on the event loop) when the spool
    /// starts refusing records (capture must wait) and when it takes them again (nil); `onKeepAliveRoundTrip` the
    /// round trip of every answered keep-alive, in µs.
    public init(
        settings: HandoverSettings,
        eventLoop: any EventLoop,
        queueLimitBytes: Int,
        logger: Logger,
        onSpoolBlock: @escaping @Sendable (HandoverEndpoint, SpoolBlock?) -> Void = { _, _ in },
        onKeepAliveRoundTrip: @escaping @Sendable (HandoverEndpoint, Int64) -> Void = { _, _ in }
    ) {
        self.settings = settings
        self.eventLoop = eventLoop
        self.budget = ByteBudget(limit: queueLimitBytes)
        self.queueLimitBytes = queueLimitBytes
        self.onSpoolBlock = onSpoolBlock
        self.onKeepAliveRoundTrip = onKeepAliveRoundTrip
        var logger = logger
        logger[metadataKey: "li.agency"] = "\(settings.endpoint.agency)"
        logger[metadataKey: "li.handover"] = "\(settings.endpoint.handover)"
        self.logger = logger
    }

    /// The endpoint.
    public var endpoint: HandoverEndpoint { settings.endpoint }

    /// Opens the spool (recovering what a previous run left), prepares TLS and starts connecting. An agency whose
    /// TLS material is unusable is reported and not connected; its records still go to the spool. Returns why the
    /// spool cannot be used, if it cannot (records would have nowhere to wait: the run must not start).
    public func start() -> EventLoopFuture<String?> {
        eventLoop.submit { () -> String? in
            self.openSpool()
            guard self.spool != nil else { return self.unusableReason }
            if let tls = self.settings.tls {
                do {
                    self.tlsContext = try TLSClientContext.make(tls)
                } catch {
                    self.markUnusable("TLS material unusable: \(error)")
                }
            }
            self.connect()
            return nil
        }
    }

    /// Queues concatenated PS-PDUs for delivery, in order. Blocks while the hand-over to the spool is backed up.
    public func send(_ bytes: [UInt8], records: Int) {
        budget.reserve(bytes.count)
        eventLoop.execute {
            self.waitingForQuota.append(bytes)
            self.waitingRecords.append(records)
            self.spoolWaiting()
            self.pump()
        }
    }

    /// The run is ending (stopped, or its capture done): from now on records are spooled past the quota and the
    /// reserve, and `send` never waits, so that what the pipeline still holds reaches the spool.
    public func liftLimits() {
        budget.lift()
        eventLoop.execute {
            self.limitsLifted = true
            self.spoolWaiting()
            self.pump()
        }
    }

    /// Completes once every record has been acknowledged by the agency (a final keep-alive round) and the
    /// connection is closed.
    public func finish() -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: Void.self)
            self.finishing = promise
            self.checkDrained()
            return promise.futureResult
        }
    }

    /// Stops retrying and closes the connection, whatever is still spooled (it stays on disk for the next run);
    /// records still waiting in memory are written to the spool first, past its quota if need be.
    public func abandon() -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            self.spoolEverythingWaiting()
            self.stopped = true
            self.finishing?.succeed()
            self.finishing = nil
            self.keepAlive.cancelTimers()
            try? self.spool?.sync()
            guard let channel = self.channel else { return self.eventLoop.makeSucceededVoidFuture() }
            return channel.close()
        }
    }

    /// The connection's counters.
    public func statistics() -> EventLoopFuture<HandoverStatistics> {
        eventLoop.submit {
            var stats = self.stats
            stats.recordsSpooled = self.spool?.unacknowledgedRecords ?? 0
            stats.recordsWaiting = self.waitingRecords.reduce(0, +)
            stats.bytesSpooled = self.spool?.unacknowledgedBytes ?? 0
            stats.unusableReason = self.unusableReason
            return stats
        }
    }

    func markUnusable(_ reason: String) {
        unusableReason = reason
        logger.error("handover \(endpoint.label) is unusable: \(reason)")
    }

    /// Writes spooled records while the channel takes them. Each chunk (at most 64 KiB) is flushed at once: a TLS
    /// handler holds unflushed writes outside the channel's write buffer, so without it writability would never
    /// fall and the whole spool would be read into memory.
    func pump() {
        guard let channel, let spool, !closing, stats.connected else { return }
        while channel.isWritable {
            let next: (bytes: [UInt8], records: Int, end: SpoolPosition)?
            do {
                next = try spool.nextToSend(maxBytes: 1 << 16)
            } catch {
                markUnusable("spool read failed: \(error)")
                channel.close(promise: nil)
                return
            }
            guard let next else { break }
            stats.recordsSent += next.records
            stats.bytesSent += next.bytes.count
            channel.writeAndFlush(ByteBuffer(bytes: next.bytes), promise: nil)
        }
        if stats.spoolBlock != nil, !keepAlive.outstanding, spool.acknowledgedPosition < spool.sentPosition {
            sendKeepAlive()
        }
        checkDrained()
    }
}
