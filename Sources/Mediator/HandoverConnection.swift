import Logging
import NIOCore
import NIOPosix

/// One outgoing handover connection (an agency's HI2 or HI3): connects, retries while refused, writes queued PS-PDUs
/// in order, and re-sends whatever the kernel had not confirmed when a connection is lost.
///
/// All mutable state lives on one event loop; `send` may be called from any thread (the sequencer's) and hops to
/// the loop once per chunk of records, never per record.
public final class HandoverConnection: @unchecked Sendable {
    struct Chunk {
        var buffer: ByteBuffer
        var records: Int
    }

    /// Where the connection goes.
    public let endpoint: HandoverEndpoint
    private let eventLoop: any EventLoop
    private let retryInterval: TimeAmount
    private let logger: Logger
    private let budget: ByteBudget
    private var queue = CircularBuffer<Chunk>()
    private var inFlight = CircularBuffer<Chunk>()
    private var channel: (any Channel)?
    private var connecting = false
    private var generation = 0
    private var finishing: EventLoopPromise<Void>?
    private var closing = false
    private var stopped = false
    private var stats = HandoverStatistics()

    /// Creates a connection that will connect when started.
    public init(
        endpoint: HandoverEndpoint,
        eventLoop: any EventLoop,
        retryInterval: TimeAmount,
        queueLimitBytes: Int,
        logger: Logger
    ) {
        self.endpoint = endpoint
        self.eventLoop = eventLoop
        self.retryInterval = retryInterval
        self.budget = ByteBudget(limit: queueLimitBytes)
        var logger = logger
        logger[metadataKey: "li.agency"] = "\(endpoint.agency)"
        logger[metadataKey: "li.handover"] = "\(endpoint.interface)"
        self.logger = logger
    }

    /// Starts connecting.
    public func start() {
        eventLoop.execute { self.connect() }
    }

    /// Queues concatenated PS-PDUs for delivery, in order. Blocks while the connection's queue is full.
    public func send(_ bytes: [UInt8], records: Int) {
        budget.reserve(bytes.count)
        eventLoop.execute {
            let buffer = ByteBuffer(bytes: bytes)
            self.queue.append(Chunk(buffer: buffer, records: records))
            self.stats.recordsQueued += records
            self.writeQueued()
        }
    }

    /// Completes once everything queued has been handed to the kernel and the connection is closed cleanly.
    public func finish() -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            let promise = self.eventLoop.makePromise(of: Void.self)
            self.finishing = promise
            self.closeIfDrained()
            return promise.futureResult
        }
    }

    /// Stops retrying and closes the connection, whatever is still queued.
    public func abandon() -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            self.stopped = true
            self.finishing?.succeed()
            self.finishing = nil
            guard let channel = self.channel else { return self.eventLoop.makeSucceededVoidFuture() }
            return channel.close()
        }
    }

    /// The connection's counters.
    public func statistics() -> EventLoopFuture<HandoverStatistics> {
        eventLoop.submit { self.stats }
    }

    private func connect() {
        guard channel == nil, !connecting, !stopped else { return }
        connecting = true
        ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(5))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DiscardInboundHandler())
                }
            }
            .connect(host: endpoint.host, port: endpoint.port)
            .hop(to: eventLoop)
            .whenComplete { result in
                self.connecting = false
                switch result {
                case .success(let channel):
                    self.connected(channel)
                case .failure(let error):
                    self.stats.connectFailures += 1
                    if self.stats.connectFailures == 1 || self.stats.connectFailures % 30 == 0 {
                        self.logger.warning(
                            "handover \(self.endpoint.label) unreachable, retrying every \(self.retryInterval.nanoseconds / 1_000_000_000) s",
                            metadata: ["error": "\(error)", "attempts": "\(self.stats.connectFailures)"]
                        )
                    }
                    self.scheduleRetry()
                }
            }
    }

    private func connected(_ channel: any Channel) {
        if stopped {
            channel.close(promise: nil)
            return
        }
        generation += 1
        let current = generation
        self.channel = channel
        stats.connects += 1
        stats.connected = true
        logger.info("handover \(endpoint.label) connected (plaintext)")
        channel.closeFuture.hop(to: eventLoop).whenComplete { _ in self.lost(current) }
        writeQueued()
    }

    private func lost(_ lostGeneration: Int) {
        guard lostGeneration == generation, channel != nil else { return }
        channel = nil
        stats.connected = false
        if closing { return }
        stats.disconnects += 1
        logger.warning("handover \(endpoint.label) lost; unconfirmed records will be sent again")
        while let chunk = inFlight.popLast() { queue.prepend(chunk) }
        scheduleRetry()
    }

    private func scheduleRetry() {
        guard !stopped else { return }
        eventLoop.scheduleTask(in: retryInterval) { self.connect() }
    }

    private func writeQueued() {
        guard let channel, !closing else { return }
        let current = generation
        var wrote = false
        while let chunk = queue.popFirst() {
            inFlight.append(chunk)
            let promise = eventLoop.makePromise(of: Void.self)
            promise.futureResult.whenSuccess { self.confirmed(current) }
            channel.write(chunk.buffer, promise: promise)
            wrote = true
        }
        if wrote { channel.flush() }
    }

    private func confirmed(_ confirmedGeneration: Int) {
        guard confirmedGeneration == generation, let chunk = inFlight.popFirst() else { return }
        stats.recordsSent += chunk.records
        stats.bytesSent += chunk.buffer.readableBytes
        stats.recordsQueued -= chunk.records
        budget.release(chunk.buffer.readableBytes)
        closeIfDrained()
    }

    private func closeIfDrained() {
        guard let finishing, queue.isEmpty, inFlight.isEmpty, !closing else { return }
        guard let channel else {
            stopped = true
            self.finishing = nil
            finishing.succeed()
            return
        }
        closing = true
        stopped = true
        channel.close(mode: .output, promise: nil)
        let forced = eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
        channel.closeFuture.whenComplete { _ in
            forced.cancel()
            self.logger.info("handover \(self.endpoint.label) closed after \(self.stats.recordsSent) records")
            finishing.succeed()
        }
        self.finishing = nil
    }
}

/// Reads and drops whatever the agency sends on a handover connection; reading keeps the socket's receive buffer
/// empty so that a clean close stays clean (unread data would turn the close into a reset).
final class DiscardInboundHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
