import Collector
import Dispatch
import ETSI
import Logging
import Mediator
import ServiceLifecycle
import UnixSignals
import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `openli-appliance run`: loads the warrants, captures, follows sessions, encodes, and hands every record to the
/// agencies; with files only, it ends when the files are read and every record is delivered.
public enum ApplianceRunner {
    /// Exit status when records could not be delivered before the drain timeout.
    public static let undeliveredExitStatus: Int32 = 3

    /// Runs to completion and returns the exit status. Throws for bad input (exit 2) and runtime failures (exit 1).
    ///
    /// The run is a service group: the capture service (the collector's stage actors), the store watcher and the
    /// status reporter. SIGINT or SIGTERM shut it down gracefully (capture stops, what was read is delivered); a
    /// second signal ends the process at once. A service that fails ends the run with status 1.
    public static func run(_ options: RunOptions, logger: Logger) async throws(ApplianceError) -> Int32 {
        let metrics = try RunMetrics(options)
        let notifier = ServiceManagerNotifier.fromEnvironment()
        let reloads = ReloadTrap(notifier: notifier, reloader: options.reloader, logger: logger)
        defer { reloads.cancel() }
        let user = try options.user.map { name throws(ApplianceError) in try RunUser(name: name) }
        let setup = try RunSetup(options, logger: logger)
        let settings = try handoverSettings(plan: setup.plan, options: options)
        if let user {
            let store = options.databasePath
            try user.adopt([options.spoolDirectory, store, store + "-wal", store + "-shm"])
            try user.become()
            logger.notice("run: running as \(user.name) (uid \(user.uid), gid \(user.gid)) without capabilities")
        }
        let gate = CaptureGate()
        let mediator = Mediator(
            settings: settings,
            queueLimitBytes: options.queueLimitBytes,
            logger: logger,
            onSpoolBlock: { endpoint, block in
                if let block {
                    gate.hold(endpoint.label, reason: block.description)
                } else {
                    gate.release(endpoint.label)
                }
            },
            onKeepAliveRoundTrip: { endpoint, micros in
                metrics?.registry.recordKeepAlive(endpoint, roundTripMicros: micros)
            }
        )
        for agency in setup.plan.agencies where agency.tls == nil {
            logger.warning("run: agency \(agency.name) is configured for PLAINTEXT handover")
        }
        let unusableSpools = await mediator.start()
        if let first = unusableSpools.first {
            await mediator.shutdown()
            throw ApplianceError(.runtime, "run: --spool: \(first)")
        }
        let outcome: Result<Int32, ApplianceError>
        do throws(ApplianceError) {
            outcome = .success(
                try await run(
                    setup,
                    gate: gate,
                    mediator: mediator,
                    metrics: metrics,
                    notifier: notifier,
                    options: options,
                    logger: logger
                )
            )
        } catch {
            outcome = .failure(error)
        }
        await mediator.shutdown()
        return try outcome.get()
    }

    private static func run(
        _ setup: RunSetup,
        gate: CaptureGate,
        mediator: Mediator,
        metrics: RunMetrics?,
        notifier: ServiceManagerNotifier?,
        options: RunOptions,
        logger: Logger
    ) async throws(ApplianceError) -> Int32 {
        let journal = try openJournal(options, logger: logger)
        let numberingStateLost = setup.hadHistory && !journal.existed
        if numberingStateLost {
            logger.warning(
                "run: the sequence-number journal in \(options.spoolDirectory) is missing although earlier runs spooled there; every stream starts again at 0 after a cINReset TRI"
            )
        }
        var settings = PipelineSettings(
            shards: options.shards,
            sessionIdleTimeoutMicros: options.sessionIdleTimeoutSeconds * 1_000_000,
            realtime: options.realtime,
            sequenceJournal: journal,
            numberingStateLost: numberingStateLost,
            voip: options.voip,
            email: options.email,
            mobile: options.mobile
        )
        settings.decapsulation = options.decapsulation
        let pipeline = Pipeline(plan: setup.plan, settings: settings, gate: gate)
        let capture = CaptureService(
            pipeline: pipeline,
            sources: setup.sources,
            udpSinks: setup.udpSinks,
            mediator: mediator
        )
        let services = try RunServices(
            setup,
            pipeline: pipeline,
            mediator: mediator,
            metrics: metrics,
            options: options,
            logger: logger
        )
        defer { services.shutdown() }
        let signals = SignalTrap.escalating(logger: logger)
        defer { signals.cancel() }
        let progress = ProgressLine(counters: pipeline.counters)
        let started = monotonicSeconds()
        var members: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: capture, successTerminationBehavior: .gracefullyShutdownGroup),
            .init(service: services.watcher),
            .init(service: services.status),
        ]
        if let notifier {
            let heartbeat = ServiceHeartbeat(
                notifier: notifier,
                counters: pipeline.counters,
                watchdogMicros: ServiceManagerNotifier.watchdogMicros()
            )
            members.append(.init(service: heartbeat))
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: members,
                gracefulShutdownSignals: [.sigint, .sigterm],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            progress?.stop()
            pipeline.stopRequested.request()
            mediator.liftLimits()
            throw (error as? ApplianceError) ?? ApplianceError(.runtime, "run: \(error)")
        }
        progress?.stop()
        guard let result = capture.result else { throw ApplianceError(.runtime, "run: capture ended without a result") }
        let undelivered = await mediator.drain(timeoutSeconds: options.drainTimeoutSeconds)
        await services.status.write()
        let summary = RunSummary(
            result: result,
            handovers: await mediator.statistics(),
            undelivered: undelivered,
            seconds: monotonicSeconds() - started
        )
        writeError(summary.text)
        if let error = result.captureError {
            throw ApplianceError(.runtime, "run: capture failed: \(error)")
        }
        if !undelivered.isEmpty || result.recordsNotJournaled > 0 {
            let spooled = undelivered.reduce(0) { $0 + $1.records }
            let lost = undelivered.reduce(0) { $0 + $1.lost } + result.recordsNotJournaled
            logger.error(
                "run: \(spooled) records were not delivered within \(options.drainTimeoutSeconds) s and stay spooled\(lost > 0 ? "; \(lost) records could not be kept (disk full)" : "")"
            )
            return undeliveredExitStatus
        }
        return 0
    }

    private static func handoverSettings(
        plan: InterceptPlan,
        options: RunOptions
    ) throws(ApplianceError)
        -> [[HandoverSettings]]
    {
        try makeDirectory(options.spoolDirectory)
        return plan.agencies.map { handoverSettings(for: $0, options: options) }
    }

    /// The HI2 and HI3 connection settings of one agency.
    static func handoverSettings(for agency: Agency, options: RunOptions) -> [HandoverSettings] {
        let header = PSHeaderTemplate(
            profile: agency.headerProfile,
            liid: agency.name,
            authorizationCountryCode: agency.countryCode ?? "XX",
            operatorIdentifier: options.operatorIdentifier,
            networkElementIdentifier: options.networkElementIdentifier,
            deliveryCountryCode: agency.countryCode ?? "XX",
            timeFormat: agency.headerTimeFormat
        )
        let tls = agency.tls.map {
            TLSSettings(
                caPath: $0.caPath,
                certificatePath: $0.certificatePath,
                keyPath: $0.keyPath,
                serverName: $0.serverName,
                allowTLS12: $0.allowTLS12
            )
        }
        return [(agency.hi2, Handover.hi2), (agency.hi3, Handover.hi3)].map { address, handover in
            HandoverSettings(
                endpoint: HandoverEndpoint(
                    agency: agency.name,
                    handover: handover,
                    host: address.host,
                    port: Int(address.port)
                ),
                tls: tls,
                keepaliveSeconds: Int64(agency.keepaliveSeconds),
                keepaliveWaitSeconds: Int64(agency.keepaliveWaitSeconds),
                retrySeconds: options.retrySeconds ?? Int64(agency.retrySeconds),
                keepAliveHeader: header,
                spoolDirectory: options.spoolDirectory + "/" + agency.name + "/" + handover.rawValue,
                spoolQuotaBytes: options.spoolQuotaBytes
            )
        }
    }

    /// The journal that carries sequence numbers across restarts, in the spool directory.
    private static func openJournal(_ options: RunOptions, logger: Logger) throws(ApplianceError) -> SequenceJournal {
        let path = options.spoolDirectory + "/sequence-numbers.journal"
        do {
            let journal = try SequenceJournal(path: path)
            if !journal.existed {
                logger.info("run: new sequence-number journal \(path): every stream numbers from 0")
            }
            return journal
        } catch {
            throw ApplianceError(.runtime, "run: --spool: \(error.description)")
        }
    }

    /// Creates the spool directory (mode 0700, parents too). One that others may enter was refused before
    /// (``StoreAtRest``); an existing one with setuid, setgid or sticky bits is narrowed to 0700, or refused when that
    /// is not possible: it holds intercepted traffic and the agencies' details.
    private static func makeDirectory(_ path: String) throws(ApplianceError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST {
                throw ApplianceError(.runtime, "run: --spool \(path): cannot create \(partial)")
            }
        }
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw ApplianceError(.runtime, "run: --spool \(path): not a directory")
        }
        guard status.st_mode & 0o7077 != 0 else { return }
        let mode = String(status.st_mode & 0o7777, radix: 8)
        guard status.st_uid == geteuid(), chmod(path, 0o700) == 0 else {
            throw ApplianceError(
                .runtime,
                "run: --spool \(path) has mode \(mode) and cannot be made owner-only (0700): refusing to spool there"
            )
        }
    }

    private static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
