import NIOCore
import NIOPosix
import NIOSSL

/// The built-in LEMF: a TCP (or TLS) server that accepts any number of HI2/HI3 connections on one event loop,
/// decodes and checks every record, answers keep-alives and writes one JSON line per record.
///
/// Start it with ``start(_:report:)``; it serves until ``stop()``, which closes every connection and returns the
/// summary. ``waitUntilListenerCloses()`` returns when the listening socket is gone, whether after
/// ``stopListening()`` or because it failed. Call ``stop()`` exactly once.
public final class LEMFServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let hub: NIOLoopBoundBox<LEMFHub>
    private let listener: any Channel
    /// The address the server is bound to (the real port when 0 was asked for).
    public let boundAddress: LEMFListenAddress
    /// Whether the server speaks TLS.
    public let usesTLS: Bool

    private init(
        group: MultiThreadedEventLoopGroup,
        hub: NIOLoopBoundBox<LEMFHub>,
        listener: any Channel,
        boundAddress: LEMFListenAddress,
        usesTLS: Bool
    ) {
        self.group = group
        self.hub = hub
        self.listener = listener
        self.boundAddress = boundAddress
        self.usesTLS = usesTLS
    }

    /// Opens the output, loads the TLS material and binds the listening socket. `report` receives the lines meant
    /// for standard error (gaps, DER errors, refused handshakes), on the server's event loop.
    public static func start(
        _ configuration: LEMFServerConfiguration,
        report: @escaping @Sendable (String) -> Void
    ) async throws(LEMFError) -> LEMFServer {
        let sslContext = try configuration.tls?.makeContext()
        let output = try LEMFOutputFile(path: configuration.outputPath)
        let records = try configuration.derOutputPath.map { path throws(LEMFError) in try LEMFRecordFile(path: path) }
        let receiver = LEMFReceiver(
            decryptionKey: configuration.decryptionKey,
            integrityKey: configuration.integrityKey
        )
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let hub = NIOLoopBoundBox.makeBoxSendingValue(
            LEMFHub(receiver: receiver, output: output, records: records, report: report),
            eventLoop: loop
        )
        let limit = configuration.maximumRecordLength
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handlers = channel.pipeline.syncOperations
                    if let sslContext {
                        try handlers.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try handlers.addHandler(
                        LEMFConnectionHandler(hub: hub.value, tls: sslContext != nil, maximumRecordLength: limit)
                    )
                }
            }
        let listener: any Channel
        do {
            listener = try await bootstrap.bind(host: configuration.listen.host, port: configuration.listen.port)
                .get()
        } catch {
            try? await group.shutdownGracefully()
            throw LEMFError(.runtime, "cannot listen on \(configuration.listen): \(error)")
        }
        let port = listener.localAddress?.port ?? configuration.listen.port
        return LEMFServer(
            group: group,
            hub: hub,
            listener: listener,
            boundAddress: LEMFListenAddress(host: configuration.listen.host, port: port),
            usesTLS: sslContext != nil
        )
    }

    /// Closes the listening socket (from any thread, e.g. a signal handler): ``waitUntilListenerCloses()``
    /// returns, the connections stay open until ``stop()``.
    public func stopListening() {
        let hub = self.hub
        let listener = self.listener
        listener.eventLoop.execute {
            hub.value.stopRequested = true
            listener.close(promise: nil)
        }
    }

    /// Returns once the listening socket has closed: true after ``stopListening()`` or ``stop()``, false when the
    /// socket failed.
    public func waitUntilListenerCloses() async -> Bool {
        let hub = self.hub
        let closed = listener.closeFuture.map { hub.value.stopRequested }.recover { _ in hub.value.stopRequested }
        return (try? await closed.get()) ?? false
    }

    /// What the server has counted so far.
    public func summary() async -> LEMFSummary {
        let hub = self.hub
        return (try? await listener.eventLoop.submit { hub.value.receiver.summary }.get()) ?? LEMFSummary()
    }

    /// Stops listening, closes every connection, ends integrity verification (what no check covered is reported),
    /// flushes the outputs, stops the event loop and returns the summary.
    public func stop() async -> LEMFSummary {
        let hub = self.hub
        let loop = listener.eventLoop
        let listener = self.listener
        try? await loop.flatSubmit {
            hub.value.stopRequested = true
            return listener.close()
        }.get()
        let summary = try? await loop.flatSubmit {
            hub.value.closeAll(on: loop).map { hub.value.receiver.summary }
        }.get()
        try? await group.shutdownGracefully()
        return summary ?? LEMFSummary()
    }
}
