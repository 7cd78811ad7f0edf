import NIOCore
import NIOHTTP1
import NIOPosix
import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--metrics HOST:PORT` listener: a small HTTP/1.1 server on a thread of its own that answers
/// `GET /metrics` with Prometheus text exposition.
///
/// It listens from before capture starts (a port in use ends the run at once) until after the drain, when the
/// run's last records have gone or stayed spooled, so an operator sees the drain too.
final class MetricsServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    /// The port it listens on (the one the system chose for port 0).
    let port: UInt16?

    /// Listens on `endpoint`; a runtime error (exit 1) naming `--metrics` and the address when it cannot.
    init(listeningOn endpoint: Endpoint, scraper: MetricsScraper) throws(ApplianceError) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(scraper: scraper))
                }
            }
        do {
            channel = try bootstrap.bind(host: endpoint.host, port: Int(endpoint.port)).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw ApplianceError(.runtime, "run: --metrics \(endpoint): cannot listen: \(Self.reason(error))")
        }
        self.group = group
        port = channel.localAddress?.port.flatMap(UInt16.init(exactly:))
    }

    /// Stops listening and ends its thread.
    func close() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    private static func reason(_ error: any Error) -> String {
        guard let io = error as? IOError else { return "\(error)" }
        switch io.errnoCode {
        case EADDRINUSE: return "the port is in use"
        case EADDRNOTAVAIL: return "the address is not one of this machine's"
        case EACCES: return "permission denied (a port below 1024 needs privileges)"
        default: return "\(io)"
        }
    }
}
