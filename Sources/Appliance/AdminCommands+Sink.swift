import Warrants

extension AdminCommands {
    /// `sink add ADDRESS:PORT --encapsulation raw|jmirror|alu|cisco [--direction from|to|both] [--source
    /// HOST[:PORT]]`: adds a UDP sink; the direction defaults to both, and without `--source` any sender is accepted.
    public func addSink(
        endpoint: String,
        encapsulation: String,
        direction: String?,
        source: String?
    ) throws(ApplianceError) -> AdminOutput {
        let command = "sink add"
        let sink = try run(command) { () throws(StoreError) -> UDPSink in
            let address = try WarrantValidation.sinkEndpoint(endpoint, field: "ADDRESS:PORT")
            let sender = try source.map { text throws(StoreError) in
                try WarrantValidation.serverAddress(text, field: "source")
            }
            return UDPSink(
                address: address.host,
                port: address.port,
                encapsulation: try WarrantValidation.sinkEncapsulation(encapsulation),
                direction: try direction.map { text throws(StoreError) in try WarrantValidation.sinkDirection(text) }
                    ?? .both,
                sourceAddress: sender?.address,
                sourcePort: sender?.port
            )
        }
        let store = try openStore(command)
        let added = try run(command) { () throws(StoreError) in try store.addSink(sink) }
        let source = Self.sourceText(added).map { ", source \($0)" } ?? ""
        let details = "\(added.encapsulation.rawValue), direction \(added.direction.rawValue)\(source)"
        return AdminOutput(lines: ["sink \(added.endpoint) added (\(details))"])
    }

    /// `sink list`: every UDP sink as a table.
    public func listSinks() throws(ApplianceError) -> AdminOutput {
        let command = "sink list"
        let store = try openStore(command)
        let sinks = try run(command) { () throws(StoreError) in try store.sinks() }
        let rows = sinks.map { sink in
            [
                sink.address, String(sink.port), sink.encapsulation.rawValue, sink.direction.rawValue,
                Self.sourceText(sink) ?? "any",
            ]
        }
        let header = ["ADDRESS", "PORT", "ENCAPSULATION", "DIRECTION", "SOURCE"]
        return AdminOutput(lines: AdminTable.render(header: header, rows: rows))
    }

    /// `sink remove ADDRESS:PORT`: removes a sink; refused while a warrant names it with `--sink`.
    public func removeSink(endpoint: String) throws(ApplianceError) -> AdminOutput {
        let command = "sink remove"
        let address = try run(command) { () throws(StoreError) in
            try WarrantValidation.sinkEndpoint(endpoint, field: "ADDRESS:PORT")
        }
        let store = try openStore(command)
        let removed = try run(command) { () throws(StoreError) in
            try store.removeSink(address: address.host, port: address.port)
        }
        return AdminOutput(lines: ["sink \(removed.endpoint) removed"])
    }

    /// The only sender a sink accepts, `address` or `address:port` (IPv6 in brackets with a port); nil for any.
    private static func sourceText(_ sink: UDPSink) -> String? {
        sink.sourceAddress.map { address in
            sink.sourcePort.map { Endpoint(host: address, port: $0).description } ?? address
        }
    }
}
