import ETSI

/// What the running appliance reports about itself once a second (the status file), and `status` prints.
public struct ApplianceStatus: Codable, Sendable, Equatable {
    /// One handover connection.
    public struct Handover: Codable, Sendable, Equatable {
        /// Agency name.
        public var agency: String
        /// HI2 or HI3 (written "HI2" or "HI3").
        public var interface: ETSI.Handover
        /// host:port.
        public var address: String
        /// Whether it is up.
        public var connected: Bool
        /// Since when (ISO 8601), if up.
        public var connectedSince: String?
        /// Records written to the agency.
        public var recordsSent: Int
        /// Records the agency acknowledged.
        public var recordsAcknowledged: Int
        /// Records waiting in the spool.
        public var recordsSpooled: Int
        /// Bytes waiting in the spool.
        public var bytesSpooled: Int64
        /// Bytes written.
        public var bytesSent: Int
        /// Last keep-alive round trip in milliseconds.
        public var keepAliveRoundTripMillis: Double?
        /// TLS version, nil for plaintext.
        public var tlsVersion: String?
        /// The agency's certificate.
        public var peerCertificate: String?
        /// Connection attempts that failed.
        public var connectFailures: Int
        /// Records produced but waiting in memory because the spool refuses them (nil in an older status).
        public var recordsWaiting: Int?
        /// Why the spool refuses records (quota reached, disk full, write failed), nil while it takes them.
        public var spoolBlocked: String?
        /// Records neither delivered nor spooled (the disk was full to the last byte), nil in an older status.
        public var recordsLost: Int?
        /// Why the connection is unusable, if it is.
        public var unusable: String?
    }

    /// One shard.
    public struct Shard: Codable, Sendable, Equatable {
        /// "file", or the interface a live shard captures on.
        public var source: String
        /// Frames classified.
        public var frames: Int
        /// Frame batches waiting (file shards); at `backlogLimit` the shard is the bottleneck.
        public var backlog: Int
        /// Most batches that can wait.
        public var backlogLimit: Int
        /// Packets the kernel dropped on the shard's handle (live shards).
        public var kernelDrops: Int
        /// Packets the shard read and dropped because capture had to wait for a spool (nil in an older status).
        public var gateDrops: Int?
    }

    /// When this status was written (ISO 8601).
    public var writtenAt: String
    /// Seconds since epoch when written (for staleness checks).
    public var writtenAtEpoch: Double
    /// The appliance's process id.
    public var pid: Int32
    /// Frames captured.
    public var packets: Int
    /// Records produced.
    public var records: Int
    /// Warrants being intercepted.
    public var warrants: Int
    /// Subscriber sessions open (nil in a status written by an older version).
    public var sessionsOpen: Int?
    /// Intercepted calls in progress (nil in a status written by an older version).
    public var callsOpen: Int?
    /// Mail sessions being followed (nil in a status written by an older version).
    public var mailSessionsOpen: Int?
    /// Mobile sessions (PDN connections, PDP contexts) open (nil in a status written by an older version).
    public var mobileSessionsOpen: Int?
    /// Every shard (nil in a status written by an older version).
    public var shards: [Shard]?
    /// Every handover connection.
    public var handovers: [Handover]
    /// Why capture waits now (a spool that refuses records, a sequence journal that cannot be written); empty or
    /// nil while it runs.
    public var captureWaiting: [String]?
    /// Seconds file capture has waited so far (nil in an older status).
    public var captureWaitedSeconds: Double?
    /// Mirrored datagrams by shim format (`jmirror`, `alu`, `cisco`) and outcome (`intercepted`, `unconfigured id`,
    /// `short`, `not IP`); only formats seen (nil in an older status).
    public var mirrors: [String: [String: Int]]?
    /// What each UDP sink received (nil in an older status or a run without sinks).
    public var sinks: [Sink]?
    /// Frames found inside tunnels, by kind (`vxlan`, `gre`, `erspan_i`, `erspan_ii`, `erspan_iii`); nil when none
    /// (or in an older status).
    public var tunnels: [String: Int]?
    /// Fragments to and from known servers: datagrams reassembled and timed out, fragments refused as overlapping
    /// (nil in an older status).
    public var fragments: Fragments?
    /// Integrity checks sent (nil in an older status, or when no agency wants them).
    public var integrity: Integrity?

    /// The integrity check TRIs sent so far.
    public struct Integrity: Codable, Sendable, Equatable {
        /// Hash TRIs.
        public var hashChecks: Int
        /// Signature TRIs.
        public var signatures: Int
        /// Records or checks not sent because encryption or signing failed (never expected).
        public var failures: Int
    }

    /// What the reassembler did with fragments to and from known servers.
    public struct Fragments: Codable, Sendable, Equatable {
        /// Datagrams rebuilt whole.
        public var reassembled: Int
        /// Datagrams dropped incomplete when their time ran out.
        public var timedOut: Int
        /// Fragments refused because they overlap another of their datagram (RFC 5722).
        public var overlapping: Int
        /// Incomplete datagrams dropped to make room.
        public var evicted: Int
        /// Exact repeats ignored.
        public var duplicates: Int
    }

    /// One UDP sink.
    public struct Sink: Codable, Sendable, Equatable {
        /// `address:port`.
        public var sink: String
        /// `raw`, `jmirror`, `alu` or `cisco`.
        public var encapsulation: String
        /// Datagrams received.
        public var received: Int
        /// Datagrams whose packet became CCs.
        public var intercepted: Int
        /// Datagrams from another sender than the configured source, dropped.
        public var wrongSource: Int
        /// Raw datagrams for no warrant in force, dropped.
        public var unrouted: Int
        /// Datagrams without a usable packet.
        public var unusable: Int
    }
}
