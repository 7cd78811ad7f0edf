import Collector
import Logging
import Packets
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

    /// Warns when a warrant names a mirror id but no mirror stream destination or shim sink is configured, or a sink
    /// that is not configured.
    static func warnAboutMirrors(_ plan: InterceptPlan, logger: Logger) {
        let active = plan.intercepts.filter(\.active)
        let shimSinks = plan.sinks.contains { $0.encapsulation.vendor != nil }
        if plan.mirrorSources.isEmpty && !shimSinks && active.contains(where: { $0.mirror != nil }) {
            let advice =
                "server add jmirror|alu-mirror|cisco-mirror ... or sink add ... --encapsulation jmirror|alu|cisco"
            logger.warning("run: no mirror stream is configured (\(advice)): mirror-id warrants cannot match")
        }
        let sinks = Set(
            plan.sinks.compactMap { sink in
                IPAddress(sink.address).map { ServerEndpoint(address: $0, port: sink.port) }
            }
        )
        for intercept in active {
            if let sink = intercept.sink, !sinks.contains(sink) {
                logger.warning(
                    "run: warrant \(intercept.liid) names sink \(sink.address):\(sink.port), which is not configured"
                )
            }
        }
    }
}
