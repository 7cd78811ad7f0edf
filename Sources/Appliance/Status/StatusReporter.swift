import Collector
import ETSI
import Foundation
import Logging
import Mediator
import ServiceLifecycle
import Stages
import Synchronization

/// Writes the status file once a second while `run` works, and a last time when it ends. A service of the run, and
/// an actor on a thread of its own (it writes files).
actor StatusReporter: Service {
    nonisolated let executor: StageExecutor
    /// Runs the actor on its stage thread.
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let path: String
    private let warrants: Int
    let pipeline: Pipeline
    private let mediator: Mediator
    private let logger: Logger
    private var reportedDrops = 0
    private var reportedGateDrops = 0

    /// Reports on the run's pipeline and mediator in `path`; `warrants` is how many warrants the run started with.
    init(executor: StageExecutor, path: String, warrants: Int, context: RunContext) {
        self.executor = executor
        self.path = path
        self.warrants = warrants
        (pipeline, mediator, logger) = (context.pipeline, context.mediator, context.logger)
    }

    /// Writes the status once a second until the run shuts down.
    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.write()
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// Writes the status file now (the run's last word, after the drain).
    func write() async {
        let handovers = await mediator.statistics()
        let now = Date()
        let status = ApplianceStatus(
            writtenAt: ISO8601DateFormatter().string(from: now),
            writtenAtEpoch: now.timeIntervalSince1970,
            pid: getpid(),
            packets: pipeline.counters.packets.load(ordering: .relaxed),
            records: pipeline.counters.records.load(ordering: .relaxed),
            warrants: warrants,
            sessionsOpen: pipeline.counters.sessionsOpen.load(ordering: .relaxed),
            callsOpen: pipeline.counters.callsOpen.load(ordering: .relaxed),
            mailSessionsOpen: pipeline.counters.mailSessionsOpen.load(ordering: .relaxed),
            mobileSessionsOpen: pipeline.counters.mobileSessionsOpen.load(ordering: .relaxed),
            shards: shards(),
            handovers: handovers.map(Self.handover),
            captureWaiting: pipeline.gate.reasons,
            captureWaitedSeconds: Double(pipeline.counters.pausedMicros.load(ordering: .relaxed)) / 1_000_000,
            mirrors: mirrorCounts(),
            sinks: sinkCounts(),
            tunnels: tunnelCounts(),
            fragments: fragmentCounts(),
            integrity: integrityCounts()
        )
        do {
            try StatusFile.write(status, to: path)
        } catch {
            logger.debug("status: cannot write \(path): \(error)")
        }
    }

    /// Each shard's counters; logs a warning when the kernel dropped packets since the last status.
    private func shards() -> [ApplianceStatus.Shard] {
        let shards = pipeline.counters.shards.withLock { $0 }.map { counters in
            ApplianceStatus.Shard(
                source: counters.source,
                frames: counters.frames.load(ordering: .relaxed),
                backlog: counters.backlog.load(ordering: .relaxed),
                backlogLimit: counters.backlogLimit,
                kernelDrops: counters.kernelDrops.load(ordering: .relaxed),
                gateDrops: counters.gateDrops.load(ordering: .relaxed)
            )
        }
        let gateDrops = shards.reduce(0) { $0 + ($1.gateDrops ?? 0) }
        if gateDrops > reportedGateDrops {
            logger.error(
                "capture: DROPPED \(gateDrops - reportedGateDrops) packets in the last second (\(gateDrops) in all) because a spool refuses records: \(pipeline.gate.reasons.joined(separator: "; "))"
            )
            reportedGateDrops = gateDrops
        }
        let drops = shards.reduce(0) { $0 + $1.kernelDrops }
        if drops > reportedDrops {
            logger.warning(
                "capture: the kernel dropped \(drops - reportedDrops) packets in the last second (\(drops) in all); raise --capture-buffer or --shards"
            )
            reportedDrops = drops
        }
        return shards
    }

    private static func handover(_ entry: (HandoverEndpoint, HandoverStatistics)) -> ApplianceStatus.Handover {
        let (endpoint, stats) = entry
        return ApplianceStatus.Handover(
            agency: endpoint.agency,
            interface: endpoint.handover,
            address: "\(endpoint.host):\(endpoint.port)",
            connected: stats.connected,
            connectedSince: stats.connectedSince.map {
                ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double($0.epochMicros) / 1_000_000))
            },
            recordsSent: stats.recordsSent,
            recordsAcknowledged: stats.recordsAcknowledged,
            recordsSpooled: stats.recordsSpooled,
            bytesSpooled: stats.bytesSpooled,
            bytesSent: stats.bytesSent,
            keepAliveRoundTripMillis: stats.lastKeepAliveRoundTripMicros.map { Double($0) / 1000 },
            tlsVersion: stats.tlsVersion,
            peerCertificate: stats.peerCertificate,
            connectFailures: stats.connectFailures,
            recordsWaiting: stats.recordsWaiting,
            spoolBlocked: stats.spoolBlock?.description,
            recordsLost: stats.recordsLost,
            unusable: stats.unusableReason
        )
    }

    /// The integrity checks sent, when any were (or anything failed).
    private func integrityCounts() -> ApplianceStatus.Integrity? {
        let counts = ApplianceStatus.Integrity(
            hashChecks: pipeline.counters.hashChecks.load(ordering: .relaxed),
            signatures: pipeline.counters.signatureChecks.load(ordering: .relaxed),
            failures: pipeline.counters.protectionFailures.load(ordering: .relaxed)
        )
        return counts.hashChecks + counts.signatures + counts.failures > 0 ? counts : nil
    }
}
