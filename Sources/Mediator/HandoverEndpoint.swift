import ETSI

/// Where one handover connection goes, and how it is named in logs and summaries.
public struct HandoverEndpoint: Sendable, Equatable {
    /// The agency's name: its identity for the whole run.
    public var agency: String
    /// HI2 (IRIs) or HI3 (CCs).
    public var handover: Handover
    /// Host name or address of the agency's receiver.
    public var host: String
    /// Its TCP port.
    public var port: Int

    /// Creates an endpoint.
    public init(agency: String, handover: Handover, host: String, port: Int) {
        self.agency = agency
        self.handover = handover
        self.host = host
        self.port = port
    }

    /// "LEA-A HI2 (127.0.0.1:4000)".
    public var label: String { "\(agency) \(handover) (\(host):\(port))" }
}

/// What one handover connection has done, for the summary and status.
public struct HandoverStatistics: Sendable {
    /// Records taken into the spool.
    public var recordsQueued = 0
    /// Records written to the agency (again after a reconnect: counted again).
    public var recordsSent = 0
    /// Records the agency acknowledged (keep-alive responses).
    public var recordsAcknowledged = 0
    /// Records in the spool, not yet acknowledged.
    public var recordsSpooled = 0
    /// Records produced but waiting in memory because the spool refuses them (see `spoolBlock`).
    public var recordsWaiting = 0
    /// Bytes in the spool, not yet acknowledged.
    public var bytesSpooled: Int64 = 0
    /// Bytes written to the agency.
    public var bytesSent = 0
    /// Successful connects.
    public var connects = 0
    /// Failed connection attempts (refused, unreachable, TLS handshake failed).
    public var connectFailures = 0
    /// Connections closed because we refused the agency's certificate (chain, dates or name).
    public var certificateRefusals = 0
    /// Connections lost after being established.
    public var disconnects = 0
    /// Whether the connection is up now.
    public var connected = false
    /// Since when it is up.
    public var connectedSince: Timestamp?
    /// Keep-alives sent.
    public var keepAlivesSent = 0
    /// Keep-alives that got no response in time, or none before their connection was lost.
    public var keepAliveTimeouts = 0
    /// Keep-alive responses that did not answer the outstanding keep-alive (each dropped the connection).
    public var keepAliveMismatches = 0
    /// Round trip of the last answered keep-alive, µs.
    public var lastKeepAliveRoundTripMicros: Int64?
    /// The TLS version of the connection, nil for plaintext.
    public var tlsVersion: String?
    /// The agency's certificate, as NIOSSL describes it (serial number, common name, alternative names).
    public var peerCertificate: String?
    /// Why the spool refuses records now (capture is waiting), nil while it takes them.
    public var spoolBlock: SpoolBlock?
    /// Records that could be neither delivered nor spooled at the end of a run (the disk was full to the last
    /// byte): lost, and said so.
    public var recordsLost = 0
    /// Why the connection cannot be used (bad TLS material, unusable spool), nil when it can.
    public var unusableReason: String?
}
