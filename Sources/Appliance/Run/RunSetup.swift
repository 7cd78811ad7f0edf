import Collector
import Logging
import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a run starts from, checked before anything runs: the options, the store and the plan made from it, the
/// capture sources opened, and whether earlier runs spooled in the spool directory.
struct RunSetup {
    let store: WarrantStore
    let snapshot: StoreSnapshot
    let plan: InterceptPlan
    /// The key files read for the plan's protection, kept for the plan's updates.
    let protectionLoader: AgencyProtectionLoader
    let sources: [PcapSource]
    /// The UDP sinks, bound (live runs with sinks only).
    let udpSinks: SinkSockets?
    let hadHistory: Bool

    /// Checks the options, loads the plan and opens the sources; one clear error (usage: exit 2) otherwise.
    init(_ options: RunOptions, logger: Logger) throws(ApplianceError) {
        guard !options.pcapFiles.isEmpty || !options.interfaces.isEmpty else {
            throw ApplianceError(.usage, "run: give at least one --pcap FILE or --interface NAME")
        }
        try options.checkIdentifiers()
        guard access(options.databasePath, F_OK) == 0 else {
            throw ApplianceError(
                .usage,
                "run: --db \"\(options.databasePath)\": no warrant store there (create one with agency add)"
            )
        }
        try StoreAtRest.check(options)
        try RunStateDirectory.bind(options)
        (store, snapshot, plan, protectionLoader) = try Self.loadPlan(options)
        sources = try Self.openSources(options)
        udpSinks = try Self.openSinks(plan.sinks, options: options, logger: logger)
        let radius = plan.servers(of: .radius).count
        let sip = plan.servers(of: .sip).count
        logger.info(
            "run: \(plan.intercepts.count) warrants for \(plan.agencies.count) agencies, \(radius) RADIUS server ports, \(sip) SIP server ports, \(sources.count) sources"
        )
        if radius == 0 && plan.intercepts.contains(where: { $0.username != nil }) {
            logger.warning(
                "run: no RADIUS server is configured (server add radius ...): only static-IP warrants can match"
            )
        }
        if sip == 0 && !plan.voipIntercepts.isEmpty {
            logger.warning("run: no SIP server is configured (server add sip ...): VoIP warrants cannot match")
        }
        let mail = plan.servers(of: .smtp).count + plan.servers(of: .imap).count + plan.servers(of: .pop3).count
        if mail == 0 && snapshot.warrants.contains(where: { $0.target.email != nil }) {
            logger.warning(
                "run: no SMTP, IMAP or POP3 server is configured (server add smtp ...): email warrants cannot match"
            )
        }
        if plan.servers(of: .gtp).isEmpty && snapshot.warrants.contains(where: { $0.target.mobile != nil }) {
            logger.warning("run: no GTP server is configured (server add gtp ...): mobile warrants cannot match")
        }
        Self.warnAboutMirrors(plan, logger: logger)
        for agency in plan.agencies {
            let summary = AdminCommands.protectionSummary(agency)
            guard !summary.isEmpty else { continue }
            logger.info(
                "run: agency \(agency.name) protects its records: \(summary.joined(separator: ", "))",
                metadata: ["li.agency": "\(agency.name)"]
            )
        }
        hadHistory = Self.spoolHasHistory(options.spoolDirectory)
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

    /// The store, its snapshot and the plan made from it, with the protection of the plan's agencies read from their
    /// key files (a key that cannot be read, or whose fingerprint is not the stored one, refuses the run).
    private static func loadPlan(
        _ options: RunOptions
    ) throws(ApplianceError) -> (WarrantStore, StoreSnapshot, InterceptPlan, AgencyProtectionLoader) {
        let store: WarrantStore
        let snapshot: StoreSnapshot
        do {
            store = try WarrantStore(path: options.databasePath, actor: AuditActor.current(arguments: ["run"]))
            snapshot = try store.snapshot()
        } catch {
            throw ApplianceError(error, command: "run")
        }
        var plan: InterceptPlan
        do {
            plan = try InterceptPlan(
                snapshot: snapshot,
                operatorIdentifier: options.operatorIdentifier,
                networkElementIdentifier: options.networkElementIdentifier
            )
        } catch {
            throw ApplianceError(.usage, "run: \(error.description)")
        }
        var loader = AgencyProtectionLoader()
        do {
            plan.protection = try loader.protections(for: plan.agencies)
        } catch {
            throw ApplianceError(.usage, "run: \(error.description)")
        }
        return (store, snapshot, plan, loader)
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
}
