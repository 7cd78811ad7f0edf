/// Where one handover connection goes, and how it is named in logs and summaries.
public struct HandoverEndpoint: Sendable, Equatable {
    /// The agency's name.
    public var agency: String
    /// "HI2" or "HI3".
    public var interface: String
    /// Host name or address of the agency's receiver.
    public var host: String
    /// Its TCP port.
    public var port: Int

    /// Creates an endpoint.
    public init(agency: String, interface: String, host: String, port: Int) {
        self.agency = agency
        self.interface = interface
        self.host = host
        self.port = port
    }

    /// "LEA-A HI2 (127.0.0.1:4000)".
    public var label: String { "\(agency) \(interface) (\(host):\(port))" }
}

/// What one handover connection has done, for the summary and status.
public struct HandoverStatistics: Sendable {
    /// Records handed to the kernel.
    public var recordsSent = 0
    /// Bytes handed to the kernel.
    public var bytesSent = 0
    /// Records still queued.
    public var recordsQueued = 0
    /// Successful connects.
    public var connects = 0
    /// Failed connection attempts.
    public var connectFailures = 0
    /// Connections lost after being established.
    public var disconnects = 0
    /// Whether the connection is up now.
    public var connected = false
}
