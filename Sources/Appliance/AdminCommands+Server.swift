import Warrants

extension AdminCommands {
    /// `server add KIND ADDRESS[:PORT]...`: adds servers; an address without a port gets the kind's default ports
    /// (RADIUS: 1812 and 1813; SIP: 5060, one entry for UDP and TCP; SMTP 25, IMAP 143, POP3 110; GTP-C 2123, GTP-U
    /// being learned from GTP-C). Mirror streams (`jmirror`, `alu-mirror`, `cisco-mirror`) have no default port: an
    /// address without one is refused.
    public func addServers(kind: String, addresses: [String]) throws(ApplianceError) -> AdminOutput {
        let command = "server add"
        let serverKind = try Self.serverKind(kind, command: command)
        let servers = try run(command) { () throws(StoreError) -> [KnownServer] in
            guard !addresses.isEmpty else {
                throw StoreError(.invalid, field: "ADDRESS", "ADDRESS is missing: give at least one server address")
            }
            var servers: [KnownServer] = []
            for text in addresses {
                let (address, port) = try WarrantValidation.serverAddress(text)
                let ports = port.map { [$0] } ?? serverKind.defaultPorts
                guard !ports.isEmpty else {
                    throw StoreError(
                        .invalid,
                        field: "ADDRESS",
                        "ADDRESS \(Self.quoted(text)) has no port, and \(serverKind.rawValue) streams have no default"
                            + " one (ADDRESS:PORT, IPv6 as [address]:port)"
                    )
                }
                for port in ports {
                    servers.append(KnownServer(kind: serverKind, address: address, port: port))
                }
            }
            return servers
        }
        let store = try openStore(command)
        let added = try run(command) { () throws(StoreError) in try store.addServers(servers) }
        return AdminOutput(lines: added.map { "server \($0) added" })
    }

    /// `server list`: every known server as a table.
    public func listServers() throws(ApplianceError) -> AdminOutput {
        let command = "server list"
        let store = try openStore(command)
        let servers = try run(command) { () throws(StoreError) in try store.servers() }
        let rows = servers.map { [$0.kind.rawValue, $0.address, String($0.port)] }
        return AdminOutput(lines: AdminTable.render(header: ["KIND", "ADDRESS", "PORT"], rows: rows))
    }

    /// `server remove KIND ADDRESS[:PORT]`: removes a server; without a port, on every port.
    public func removeServers(kind: String, address: String) throws(ApplianceError) -> AdminOutput {
        let command = "server remove"
        let serverKind = try Self.serverKind(kind, command: command)
        let (canonical, port) = try run(command) { () throws(StoreError) in
            try WarrantValidation.serverAddress(address)
        }
        let store = try openStore(command)
        let removed = try run(command) { () throws(StoreError) in
            try store.removeServers(kind: serverKind, address: canonical, port: port)
        }
        return AdminOutput(lines: removed.map { "server \($0) removed" })
    }

    /// The kind `text` names, errors reported for `command`.
    private static func serverKind(_ text: String, command: String) throws(ApplianceError) -> ServerKind {
        do {
            return try WarrantValidation.serverKind(text)
        } catch {
            throw ApplianceError(error, command: command)
        }
    }
}
