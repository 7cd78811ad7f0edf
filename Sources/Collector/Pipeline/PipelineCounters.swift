import Packets
import Synchronization

/// Live counters of a run, written by the pipeline threads and read by the progress line and status.
public final class PipelineCounters: Sendable {
    /// Frames read from every source.
    public let packets = Atomic<Int>(0)
    /// Bytes of those frames.
    public let bytes = Atomic<Int>(0)
    /// Records numbered by the sequencer.
    public let records = Atomic<Int>(0)
    /// Integrity hash TRIs sent.
    public let hashChecks = Atomic<Int>(0)
    /// Integrity signature TRIs sent.
    public let signatureChecks = Atomic<Int>(0)
    /// Records or checks not sent because encryption or signing failed (never expected).
    public let protectionFailures = Atomic<Int>(0)
    /// Bytes read so far of the files being read.
    public let filePosition = Atomic<Int64>(0)
    /// Total size of the files to read.
    public let fileSize = Atomic<Int64>(0)
    /// Subscriber sessions open now.
    public let sessionsOpen = Atomic<Int>(0)
    /// Intercepted calls in progress.
    public let callsOpen = Atomic<Int>(0)
    /// Mail sessions followed now.
    public let mailSessionsOpen = Atomic<Int>(0)
    /// Mobile sessions (PDN connections, PDP contexts) open now.
    public let mobileSessionsOpen = Atomic<Int>(0)
    /// Microseconds file capture has waited for the capture gate (a spool that refused records).
    public let pausedMicros = Atomic<Int64>(0)
    /// Frames file capture found inside tunnels, by kind (published every 1024 frames; live shards keep their own).
    public let encapsulations = Mutex<EncapsulationCounts>(EncapsulationCounts())
    /// What session sync's reassembler did with fragments to and from known servers (published every tick).
    public let fragments = Mutex<ReassemblyStatistics>(ReassemblyStatistics())
    /// Frames file capture could not decode, by cause (`unsupported link type` among them; published every 1024
    /// frames; live shards keep their own).
    public let undecodable = Mutex<[String: Int]>([:])
    /// What session sync's trackers counted so far: sessions, calls, mail, mobile, parse errors by cause (published
    /// at most four times a second, and when sync ends).
    public let sync = Mutex<SyncReport>(SyncReport(capture: CaptureStatistics()))
    /// Every shard's counters, registered when the run starts (read once a second; shards use their own).
    public let shards = Mutex<[ShardCounters]>([])
    /// The UDP sink receiver of a live run with sinks, registered when the run starts (status reads its counts).
    public let sinks = Mutex<SinkReceiver?>(nil)

    /// Session sync's loop turns (at least one every 50 ms while it runs): the pipeline's heartbeat, which stops
    /// when sync is stalled (the systemd watchdog is fed from it).
    public let syncTicks = Atomic<Int>(0)

    /// Creates zeroed counters.
    public init() {}
}

/// What the capture stages and session sync saw, by cause, for the summary.
public struct CaptureStatistics: Sendable {
    /// Frames read.
    public var packets = 0
    /// Bytes of those frames.
    public var bytes = 0
    /// Frames that were not IP, or not decodable, by cause.
    public var undecodable: [String: Int] = [:]
    /// Session-protocol packets handled.
    public var sessionPackets = 0
    /// Session-protocol packets that did not parse, by cause.
    public var sessionErrors: [String: Int] = [:]
    /// Control datagrams rebuilt from IPv4 or IPv6 fragments.
    public var reassembled = 0
    /// Frames by the tunnels (VXLAN, GRE, ERSPAN) they were found inside.
    public var encapsulations = EncapsulationCounts()
    /// What session sync's fragment reassembly did (reassembled, timed out, overlapping, evicted, duplicates).
    public var fragments = ReassemblyStatistics()
    /// Frames of a link type the appliance cannot decode.
    public var unsupportedLinkType = 0
    /// Packets the kernel dropped (live capture).
    public var kernelDrops: UInt64 = 0
    /// Packets live shards read and dropped because the capture gate was closed (a spool refused records).
    public var gateDrops = 0
    /// Microseconds file capture waited for the capture gate.
    public var pausedMicros: Int64 = 0
}
