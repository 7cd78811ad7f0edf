import Appliance
import ArgumentParser

/// `openli-appliance server add|list|remove`.
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: """
            Manage the session servers whose traffic is followed (RADIUS, SIP, SMTP, IMAP, POP3 and GTP) and where \
            routers send vendor-mirrored traffic (JMirror, ALU and Cisco).
            """,
        subcommands: [Add.self, List.self, Remove.self]
    )

    /// `server add KIND ADDRESS[:PORT]...`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: """
                Add servers. Without a port, RADIUS servers get 1812 and 1813, SIP 5060, SMTP 25, IMAP 143, POP3 \
                110 and GTP 2123 (GTP-C; GTP-U is learned from GTP-C). jmirror, alu-mirror and cisco-mirror (the \
                address and port a router sends its mirror stream to) need a port.
                """
        )

        @Argument(
            help: "The kind of server: radius, sip, smtp, imap, pop3, gtp, jmirror, alu-mirror or cisco-mirror."
        )
        var kind: String

        @Argument(
            help: ArgumentHelp(
                "IP addresses with optional ports; IPv6 as [address]:port. A SIP entry covers UDP and TCP.",
                valueName: "address[:port]"
            )
        )
        var addresses: [String]

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in
                try commands.addServers(kind: kind, addresses: addresses)
            }
        }
    }

    /// `server list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the known servers.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.listServers() }
        }
    }

    /// `server remove KIND ADDRESS[:PORT]`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a server; without a port, on every port."
        )

        @Argument(
            help: "The kind of server: radius, sip, smtp, imap, pop3, gtp, jmirror, alu-mirror or cisco-mirror."
        )
        var kind: String

        @Argument(
            help: ArgumentHelp(
                "The IP address, with an optional port; IPv6 as [address]:port.",
                valueName: "address[:port]"
            )
        )
        var address: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in
                try commands.removeServers(kind: kind, address: address)
            }
        }
    }
}
