import Appliance
import ArgumentParser
import Collector
import Configuration
import Warrants

/// `openli-appliance run`: capture from files and/or interfaces and deliver to the agencies.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Capture, follow sessions, and deliver ETSI records to the agencies of the stored warrants.",
        discussion: """
            With --pcap files only, the files are read as fast as possible, every record is delivered, the \
            handover connections are closed cleanly and the command exits 0 (3 when records could not be \
            delivered within --drain-timeout). With --interface, capture goes on until SIGINT or SIGTERM. \
            A summary goes to standard error at the end; on a terminal a progress line refreshes every second.
            """
    )

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "A YAML file of run's options, keyed by their long names (default: \(ConfigurationFile.defaultPath) when it"
                + " exists; the environment variable \(ConfigurationFile.environmentVariable) names another, or none"
                + " when empty). Options given here override it; a list given here replaces the file's.",
            valueName: "file"
        )
    )
    var config: String?

    @OptionGroup var database: DatabaseOptions

    @Option(
        name: .customLong("pcap"),
        help: ArgumentHelp("A pcap or pcapng file to read (repeatable).", valueName: "file")
    )
    var pcapFiles: [String] = []

    @Option(
        name: .customLong("interface"),
        help: ArgumentHelp("A network interface to capture from (repeatable).", valueName: "name")
    )
    var interfaces: [String] = []

    @Option(name: .customLong("operator-id"), help: "PSHeader operatorIdentifier, 1-16 characters.")
    var operatorIdentifier = "openli"

    @Option(name: .customLong("network-element-id"), help: "PSHeader networkElementIdentifier, 1-16 characters.")
    var networkElementIdentifier = "appliance"

    @Option(
        name: .customLong("shards"),
        help:
            "Shards, 1-64: classification threads for files; capture handles in one PACKET_FANOUT group per interface (default: cores - 1, at least 1)."
    )
    var shards = RunOptions.defaultShards

    @Option(
        name: .customLong("session-timeout"),
        help:
            "End a RADIUS session after this many seconds without accounting (0: never). Keep it above the NAS's interim interval."
    )
    var sessionTimeout: Int64 = 86_400

    @Option(
        name: .customLong("call-idle-timeout"),
        help: "End a call after this many seconds with neither SIP nor RTP (0: never, as OpenLI)."
    )
    var callIdleTimeout: Int64 = 3600

    @Option(
        name: .customLong("sip-identities"),
        help: ArgumentHelp(
            "SIP headers whose parties identify a target, from to,from,pai,ppi,rpid,auth (default: all; OpenLI's"
                + " default leaves out from).",
            valueName: "list"
        )
    )
    var sipIdentities = SIPIdentityHeader.allCases.map(\.rawValue).joined(separator: ",")

    @Option(
        name: .customLong("sip-nat-media"),
        help: ArgumentHelp(
            "on: when SDP shows a private address, also expect the media at the address the SIP came from (NAT).",
            valueName: "on|off"
        )
    )
    var sipNATMedia = "on"

    @Option(
        name: .customLong("email-default-domain"),
        help: ArgumentHelp(
            "The domain of a mail log-on name without @ (erin is matched as erin@DOMAIN; default: such names match"
                + " nothing).",
            valueName: "domain"
        )
    )
    var emailDefaultDomain: String?

    @Option(
        name: .customLong("email-session-timeout"),
        help: "End a mail session after this many seconds without a packet, 1-604800."
    )
    var emailSessionTimeout: Int64 = 600

    @Option(
        name: .customLong("gtp-session-timeout"),
        help: "End a mobile (GTP) session after this many seconds without GTP-C traffic, 1-31536000."
    )
    var gtpSessionTimeout: Int64 = 86_400

    @Option(
        name: .customLong("retry"),
        help:
            "Seconds between attempts to reach an agency that is down, for every agency (default: each agency's --retry)."
    )
    var retry: Int64?

    @Option(
        name: .customLong("spool"),
        help: ArgumentHelp(
            "Directory where records wait for the agencies' acknowledgement, with the sequence-number journal and the"
                + " status file (default: the store's path without its extension, followed by .spool:"
                + " warrants.sqlite -> warrants.spool). It belongs to one store: another store's is refused.",
            valueName: "dir"
        )
    )
    var spool: String?

    @Flag(
        name: .customLong("spool-adopt"),
        help: "Take over a --spool that belongs to another store, or to no known store (recorded in the audit log)."
    )
    var spoolAdopt = false

    @Option(
        name: .customLong("spool-quota"),
        help: ArgumentHelp(
            "Unacknowledged data each agency's HI2 and HI3 may hold on disk before capture waits, e.g. 10G, 500M.",
            valueName: "size"
        )
    )
    var spoolQuota = "10G"

    @Flag(name: .customLong("realtime"), help: "Replay --pcap files at the pace of their packet timestamps.")
    var realtime = false

    @Option(
        name: .customLong("drain-timeout"),
        help: "Seconds a file run waits at its end for agencies to take every record."
    )
    var drainTimeout: Int64 = 300

    @Option(name: .customLong("capture-buffer"), help: "Kernel capture buffer per interface, in MiB (1-4096).")
    var captureBuffer = 64

    @Option(name: .customLong("sink-buffer"), help: "Kernel receive buffer per UDP sink, in MiB (1-1024).")
    var sinkBuffer = 16

    @Option(
        name: .customLong("vxlan-port"),
        help: ArgumentHelp(
            "Another UDP port whose datagrams are VXLAN, besides 4789 (repeatable; 1-65535; 8 ports at most in all).",
            valueName: "port"
        )
    )
    var vxlanPorts: [Int] = []

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Option(
        name: .customLong("metrics"),
        help: ArgumentHelp(
            "Serve Prometheus metrics at http://HOST:PORT/metrics (e.g. 127.0.0.1:9464; [v6]:PORT for IPv6).",
            valueName: "host:port"
        )
    )
    var metrics: String?

    @Option(
        name: .customLong("log-format"),
        help: ArgumentHelp(
            "Log lines as text, or as one JSON object per line (level, label, message, metadata). Under systemd"
                + " lines carry no time of their own: journald adds it.",
            valueName: "text|json"
        )
    )
    var logFormat = "text"

    @Option(
        name: .customLong("user"),
        help: ArgumentHelp(
            "Once the capture handles and sink sockets are open, become this user (and its group) for good, with no"
                + " capabilities; the spool and the store are handed to it, and new files are 0600 (directories 0700).",
            valueName: "name"
        )
    )
    var user: String?

    func run() async throws {
        let options = try checkedOptions()
        try prepareStore()
        guard let logger = ApplianceLogging.bootstrap(level: logLevel, format: options.logFormat) else {
            throw logLevelError
        }
        let status = try await ApplianceRunner.run(options, logger: logger)
        if status != 0 { throw ExitCode(status) }
    }

    /// With `--audit-key`, opens the store once with that key before the run does, so that a pending migration
    /// (schema v4 re-chains the audit log) uses it rather than the default key beside the store. The run itself
    /// only reads the store and needs no key.
    private func prepareStore() throws(ApplianceError) {
        guard let auditKeyPath = database.auditKeyPath else {
            return
        }
        let actor = AuditActor.current(arguments: CommandLine.arguments)
        do {
            _ = try WarrantStore(path: database.resolvedPath, actor: actor, auditKeyPath: auditKeyPath)
        } catch {
            throw ApplianceError(error, command: "run")
        }
    }
}
