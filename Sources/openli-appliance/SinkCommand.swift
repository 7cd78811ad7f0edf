import Appliance
import ArgumentParser

/// `openli-appliance sink add|list|remove`.
struct SinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sink",
        abstract: "Manage the UDP sinks: sockets run opens itself to receive mirrored traffic.",
        subcommands: [Add.self, List.self, Remove.self]
    )

    /// `sink add ADDRESS:PORT --encapsulation E [--direction D] [--source HOST[:PORT]]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a UDP sink.",
            discussion: """
                raw: each datagram is a target's IP packet; the warrant that names the sink with --sink takes them \
                all. jmirror, alu and cisco: each datagram carries a vendor shim, and warrants take those whose \
                intercept id is their --mirror-id. Datagrams from another sender than --source are dropped.
                """
        )

        @Argument(
            help: ArgumentHelp(
                "The local IP address and UDP port to receive on; IPv6 as [address]:port.",
                valueName: "address:port"
            )
        )
        var endpoint: String

        @Option(
            name: .customLong("encapsulation"),
            help: ArgumentHelp("What each datagram holds.", valueName: "raw|jmirror|alu|cisco")
        )
        var encapsulation: String

        @Option(
            name: .customLong("direction"),
            help: ArgumentHelp("The direction of the traffic received (default both).", valueName: "from|to|both")
        )
        var direction: String?

        @Option(
            name: .customLong("source"),
            help: ArgumentHelp(
                "The only sender accepted: an IP address with an optional port; IPv6 as [address]:port.",
                valueName: "host[:port]"
            )
        )
        var source: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in
                try commands.addSink(
                    endpoint: endpoint,
                    encapsulation: encapsulation,
                    direction: direction,
                    source: source
                )
            }
        }
    }

    /// `sink list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the UDP sinks.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.listSinks() }
        }
    }

    /// `sink remove ADDRESS:PORT`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a UDP sink; refused while a warrant names it with --sink."
        )

        @Argument(
            help: ArgumentHelp("The sink's address and port; IPv6 as [address]:port.", valueName: "address:port")
        )
        var endpoint: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in
                try commands.removeSink(endpoint: endpoint)
            }
        }
    }
}
