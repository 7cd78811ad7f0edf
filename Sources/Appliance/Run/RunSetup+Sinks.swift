import Collector
import Logging
import Warrants

extension RunSetup {
    /// Binds the store's UDP sinks for a live run (a file run ends with its files, so it opens none and says so);
    /// a sink that cannot be bound ends the run at once, naming it.
    static func openSinks(
        _ sinks: [UDPSink],
        options: RunOptions,
        logger: Logger
    ) throws(ApplianceError) -> SinkSockets? {
        guard !sinks.isEmpty else { return nil }
        guard !options.interfaces.isEmpty else {
            logger.notice(
                "run: \(sinks.count) UDP sinks are configured; they are received only in live runs (--interface)"
            )
            return nil
        }
        let opened: SinkSockets
        do {
            opened = try SinkSockets(sinks, bufferBytes: options.sinkBufferMegabytes << 20)
        } catch {
            throw ApplianceError(.runtime, "run: \(error.description)")
        }
        for (sink, granted) in zip(opened.sinks, opened.receiveBuffers) {
            logger.info("run: receiving UDP sink \(sink) (receive buffer \(granted >> 10) KiB)")
        }
        return opened
    }
}
