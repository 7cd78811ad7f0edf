import Collector
import Packets

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything `openli-appliance run` was asked to do.
public struct RunOptions: Sendable {
    /// The warrant store.
    public var databasePath: String
    /// pcap or pcapng files, read in order, as fast as possible.
    public var pcapFiles: [String] = []
    /// Live interfaces, captured until SIGINT/SIGTERM.
    public var interfaces: [String] = []
    /// PSHeader operatorIdentifier (1-16 characters).
    public var operatorIdentifier = "openli"
    /// PSHeader networkElementIdentifier (1-16 characters).
    public var networkElementIdentifier = "appliance"
    /// Shards: classification threads for files, and capture handles in one PACKET_FANOUT group per interface.
    public var shards = RunOptions.defaultShards

    /// The default number of shards: the cores less one (for the capture, sync, sequencer and mediator threads),
    /// at least one.
    public static var defaultShards: Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)) - 1)
    }
    /// Sessions with no accounting for this many seconds are ended (0: never).
    public var sessionIdleTimeoutSeconds: Int64 = 86_400
    /// How calls are followed (identity headers, idle timeout, NAT'd media).
    public var voip = VoIPSettings()
    /// How mail sessions are followed (default domain of log-on names, session timeout).
    public var email = EmailSettings()
    /// How mobile (GTP) sessions are followed (session timeout).
    public var mobile = MobileSettings()
    /// Seconds between connection attempts to an agency that is down, for every agency (nil: each agency's own).
    public var retrySeconds: Int64?
    /// Where records wait for the agencies' acknowledgement, per agency and handover, with the sequence-number journal
    /// and the status file: the store's run state directory (``RunStateDirectory``), by default beside the store.
    public var spoolDirectory: String
    /// Take over a spool that belongs to another store, or to no known store (`--spool-adopt`); audited.
    public var spoolAdopt = false
    /// The store's audit key file (`--audit-key`); nil for the default beside the store.
    public var auditKeyPath: String?
    /// Unacknowledged bytes each handover may hold before capture waits.
    public var spoolQuotaBytes: Int64 = 10 << 30
    /// Replay files at the pace of their packet timestamps.
    public var realtime = false
    /// How long a file run waits at its end for agencies to take what is queued.
    public var drainTimeoutSeconds: Int64 = 300
    /// Kernel capture buffer per live interface, in MiB.
    public var captureBufferMegabytes = 64
    /// Kernel receive buffer per UDP sink, in MiB.
    public var sinkBufferMegabytes = 16
    /// Which tunnels the decoder strips beyond GRE and ERSPAN: the VXLAN UDP ports (4789 and any `--vxlan-port`).
    public var decapsulation = DecapsulationSettings.standard
    /// Bytes queued in memory per handover connection before the pipeline waits.
    public var queueLimitBytes = 4 << 20
    /// Where Prometheus metrics are served (`--metrics HOST:PORT`, `[v6]:PORT`); nil: not served.
    public var metricsEndpoint: String?
    /// The user to become once capture handles, sink sockets and the run state are ready (`--user`; nil: stay).
    public var user: String?
    /// How log lines are written (`--log-format`).
    public var logFormat = LogFormat.text
    /// How a reload (SIGHUP) re-reads the configuration; nil: there is nothing to re-read, settings stay.
    public var reloader: RunReloader?

    /// Options with defaults for a store, its spool directory among them.
    public init(databasePath: String) {
        self.databasePath = databasePath
        spoolDirectory = RunStateDirectory.defaultPath(forStoreAt: databasePath)
    }
}
