import Collector
import Mediator
import ServiceLifecycle
import Stages
import Synchronization

/// The collector's stages as one service of the run: it runs the pipeline until the files are read (or, live,
/// until the run is asked to stop: SIGINT, SIGTERM, the group shutting down), then returns, which ends the run.
final class CaptureService: Service {
    private let pipeline: Pipeline
    private let sources: [PcapSource]
    private let udpSinks: SinkSockets?
    private let mediator: Mediator
    private let outcome = Mutex<PipelineResult?>(nil)

    /// A service running `pipeline` over `sources` (and, live, `udpSinks`), delivering to `mediator`.
    init(pipeline: Pipeline, sources: [PcapSource], udpSinks: SinkSockets?, mediator: Mediator) {
        self.pipeline = pipeline
        self.sources = sources
        self.udpSinks = udpSinks
        self.mediator = mediator
    }

    /// What the pipeline produced, once ``run()`` has returned.
    var result: PipelineResult? { outcome.withLock { $0 } }

    /// Runs the pipeline; a graceful shutdown stops capture, lets the last records past the spools' limits, and
    /// waits for everything read to be numbered and handed over. So does cancellation (another service of the run
    /// failed), so that the run ends instead of reading on.
    func run() async throws {
        let pipeline = self.pipeline
        let mediator = self.mediator
        let udpSinks = self.udpSinks
        let stop: @Sendable () -> Void = {
            pipeline.stopRequested.request()
            mediator.liftLimits()
        }
        let result = try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                do throws(StageError) {
                    return try await pipeline.run(
                        sources: sources,
                        udpSinks: udpSinks,
                        sink: MediatorSink(mediator: mediator)
                    )
                } catch {
                    throw ApplianceError(.runtime, "run: \(error.description)")
                }
            } onGracefulShutdown: {
                stop()
            }
        } onCancel: {
            stop()
        }
        outcome.withLock { $0 = result }
    }
}
