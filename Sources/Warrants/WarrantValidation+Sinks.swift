extension WarrantValidation {
    /// A UDP sink's address and port (field `ADDRESS:PORT`) or a warrant's sink (field `sink`): an IP address and a
    /// port, `192.0.2.1:5000` or `[2001:db8::1]:5000`, the address canonical.
    public static func sinkEndpoint(_ text: String, field: String = "sink") throws(StoreError) -> Endpoint {
        let problem = "is not an IP address with a port (ADDRESS:PORT, IPv6 as [address]:port)"
        guard let (address, port) = try? serverAddress(text, field: field), let port else {
            throw .invalid(field, text, problem)
        }
        return Endpoint(host: address, port: port)
    }

    /// What a sink's datagrams hold: `raw`, `jmirror`, `alu` or `cisco`.
    public static func sinkEncapsulation(
        _ text: String,
        field: String = "encapsulation"
    ) throws(StoreError) -> SinkEncapsulation {
        guard let encapsulation = SinkEncapsulation(rawValue: text) else {
            let names = SinkEncapsulation.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(field, text, "is not an encapsulation (\(names))")
        }
        return encapsulation
    }

    /// The direction of a sink's traffic: `from`, `to` or `both`.
    public static func sinkDirection(_ text: String, field: String = "direction") throws(StoreError) -> SinkDirection {
        guard let direction = SinkDirection(rawValue: text) else {
            throw .invalid(field, text, "is not a direction (from, to, both)")
        }
        return direction
    }

    /// Checks a sink and returns it in stored form: its address and source address IP addresses (canonical), ports
    /// 1-65535, a source port only with a source address.
    public static func validated(_ sink: UDPSink) throws(StoreError) -> UDPSink {
        var result = sink
        guard let address = IPAddressText(sink.address), sink.port > 0 else {
            throw .invalid(
                "ADDRESS:PORT",
                Endpoint(host: sink.address, port: sink.port).description,
                "is not an IP address with a port in 1-65535"
            )
        }
        result.address = address.text
        if let source = sink.sourceAddress {
            guard let sourceAddress = IPAddressText(source) else {
                throw .invalid("source", source, "is not an IP address")
            }
            result.sourceAddress = sourceAddress.text
        }
        if let sourcePort = sink.sourcePort {
            guard sink.sourceAddress != nil else {
                throw StoreError(
                    .invalid,
                    field: "source",
                    parts: [.text("a source port (\(sourcePort)) needs a source address: "), .field("source")]
                )
            }
            guard sourcePort > 0 else {
                throw .invalid("source", "0", "is not a port in 1-65535")
            }
        }
        return result
    }
}
