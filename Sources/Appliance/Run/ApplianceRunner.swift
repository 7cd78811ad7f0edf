import Collector
import Dispatch
import ETSI
import Logging
import Mediator
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
    public static func run(_ options: RunOptions, logger: Logger) throws(ApplianceError) -> Int32 {
        guard !options.pcapFiles.isEmpty || !options.interfaces.isEmpty else {
            throw ApplianceError(.usage, "run: give at least one --pcap FILE or --interface NAME")
        }
        try validateIdentifier(options.operatorIdentifier, flag: "--operator-id")
        try validateIdentifier(options.networkElementIdentifier, flag: "--network-element-id")
        guard access(options.databasePath, F_OK) == 0 else {
            throw ApplianceError(
                .usage,
                "run: --db \"\(options.databasePath)\": no warrant store there (create one with agency add)"
            )
        }
        try RunStateDirectory.bind(options)
        let (store, snapshot, plan) = try loadPlan(options)
        let sources = try openSources(options)
        logger.info(
            "run: \(plan.intercepts.count) warrants for \(plan.agencies.count) agencies, \(plan.radiusServers.count) RADIUS server ports, \(plan.sipServers.count) SIP server ports, \(sources.count) sources"
        )
        if plan.radiusServers.isEmpty && plan.intercepts.contains(where: { $0.username != nil }) {
            logger.warning(
                "run: no RADIUS server is configured (server add radius ...): only static-IP warrants can match"
            )
        }
        if plan.sipServers.isEmpty && !plan.voipIntercepts.isEmpty {
            logger.warning("run: no SIP server is configured (server add sip ...): VoIP warrants cannot match")
        }
        let hadHistory = spoolHasHistory(options.spoolDirectory)
        let gate = CaptureGate()
        let mediator = Mediator(
            settings: try handoverSettings(plan: plan, options: options),
            queueLimitBytes: options.queueLimitBytes,
            logger: logger,
            onSpoolBlock: { endpoint, block in
                if let block {
                    gate.hold(endpoint.label, reason: block.description)
                } else {
                    gate.release(endpoint.label)
                }
            }
        )
        for agency in plan.agencies where agency.tls == nil {
            logger.warning("run: agency \(agency.name) is configured for PLAINTEXT handover")
        }
        let unusableSpools = mediator.start()
        defer { mediator.shutdown() }
        if let first = unusableSpools.first {
            throw ApplianceError(.runtime, "run: --spool: \(first)")
        }
        let journal = try openJournal(options, logger: logger)
        let numberingStateLost = hadHistory && !journal.existed
        if numberingStateLost {
            logger.warning(
                "run: the sequence-number journal in \(options.spoolDirectory) is missing although earlier runs spooled there; every stream starts again at 0 after a cINReset TRI"
            )
        }
        let pipeline = Pipeline(
            plan: plan,
            settings: PipelineSettings(
                shards: options.shards,
                sessionIdleTimeoutMicros: options.sessionIdleTimeoutSeconds * 1_000_000,
                realtime: options.realtime,
                sequenceJournal: journal,
                numberingStateLost: numberingStateLost,
                voip: options.voip
            ),
            gate: gate
        )
        let watcher = StoreWatcher(
            store: store,
            snapshot: snapshot,
            plan: plan,
            pipeline: pipeline,
            mediator: mediator,
            options: options,
            logger: logger
        )
        defer { watcher.stop() }
        let stop = pipeline.stopRequested
        let signals = SignalTrap(label: "openli.run.signals") { number in
            if stop.isRequested { exit(128 + number) }
            logger.notice("run: signal \(number): stopping capture, delivering what was read")
            stop.request()
            mediator.liftLimits()
        }
        defer { signals.cancel() }
        let status = StatusReporter(
            path: options.spoolDirectory + "/status.json",
            pipeline: pipeline,
            mediator: mediator,
            warrants: plan.intercepts.count,
            logger: logger
        )
        defer { status.stop() }
        let progress = ProgressLine(counters: pipeline.counters)
        let started = monotonicSeconds()
        let result = pipeline.run(sources: sources, sink: MediatorSink(mediator: mediator))
        progress?.stop()
        let undelivered = mediator.drain(timeoutSeconds: options.drainTimeoutSeconds)
        let summary = RunSummary(
            result: result,
            handovers: mediator.statistics(),
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
        return [(agency.hi2, "HI2"), (agency.hi3, "HI3")].map { address, interface in
            HandoverSettings(
                endpoint: HandoverEndpoint(
                    agency: agency.name,
                    interface: interface,
                    host: address.host,
                    port: Int(address.port)
                ),
                tls: tls,
                keepaliveSeconds: Int64(agency.keepaliveSeconds),
                keepaliveWaitSeconds: Int64(agency.keepaliveWaitSeconds),
                retrySeconds: options.retrySeconds ?? Int64(agency.retrySeconds),
                keepAliveHeader: header,
                spoolDirectory: options.spoolDirectory + "/" + agency.name + "/" + interface,
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

    /// Whether an earlier run left agency spools in the directory (so sequence numbers were handed out before).
    private static func spoolHasHistory(_ directory: String) -> Bool {
        guard let handle = opendir(directory) else { return false }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix("."), name != "status.json", !name.hasPrefix("sequence-numbers.journal") {
                return true
            }
        }
        return false
    }

    /// Creates the spool directory (mode 0700, parents too); an existing one that others may enter is narrowed to
    /// 0700, or refused when that is not possible: it holds intercepted traffic and the agencies' details.
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

    private static func loadPlan(
        _ options: RunOptions
    ) throws(ApplianceError) -> (WarrantStore, StoreSnapshot, InterceptPlan) {
        let store: WarrantStore
        let snapshot: StoreSnapshot
        do {
            store = try WarrantStore(path: options.databasePath, actor: AuditActor.current(arguments: ["run"]))
            snapshot = try store.snapshot()
        } catch {
            throw ApplianceError(error, command: "run")
        }
        do {
            let plan = try InterceptPlan(
                snapshot: snapshot,
                operatorIdentifier: options.operatorIdentifier,
                networkElementIdentifier: options.networkElementIdentifier
            )
            return (store, snapshot, plan)
        } catch {
            throw ApplianceError(.usage, "run: \(error.description)")
        }
    }

    private static func openSources(_ options: RunOptions) throws(ApplianceError) -> [PcapSource] {
        var sources: [PcapSource] = []
        do {
            for file in options.pcapFiles { sources.append(try PcapSource(file: file)) }
        } catch {
            throw ApplianceError(.usage, "run: --pcap: \(error.reason)")
        }
        do {
            for (position, name) in options.interfaces.enumerated() {
                let group = options.shards > 1 ? UInt16(truncatingIfNeeded: getpid() &+ Int32(position) << 8) : nil
                for _ in 0..<options.shards {
                    sources.append(
                        try PcapSource(
                            interface: name,
                            bufferMegabytes: options.captureBufferMegabytes,
                            fanoutGroup: group
                        )
                    )
                }
            }
        } catch {
            throw ApplianceError(.runtime, "run: --interface \(error.source): \(error.reason)")
        }
        for source in sources where source.linkType == nil {
            throw ApplianceError(.usage, "run: \(source.name): link type \(source.dataLinkType) is not supported")
        }
        return sources
    }

    private static func validateIdentifier(_ value: String, flag: String) throws(ApplianceError) {
        let printable = value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard (1...16).contains(value.utf8.count), printable else {
            throw ApplianceError(.usage, "run: \(flag) \"\(value)\" must be 1-16 printable characters without spaces")
        }
    }

    private static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
