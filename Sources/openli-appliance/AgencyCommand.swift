import Appliance
import ArgumentParser

/// `openli-appliance agency add|list|show|remove`.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Manage the agencies that receive intercepts.",
        subcommands: [Add.self, List.self, Show.self, Remove.self]
    )

    /// `agency add NAME --hi2 HOST:PORT --hi3 HOST:PORT --plaintext ...`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an agency: where its HI2 (IRI) and HI3 (CC) receivers listen."
        )

        @Argument(help: "The agency's name: 1-64 characters from A-Z a-z 0-9 . _ -")
        var name: String

        @Option(
            name: .customLong("hi2"),
            help: ArgumentHelp("The HI2 (IRI) receiver; IPv6 as [address]:port.", valueName: "host:port")
        )
        var hi2: String

        @Option(
            name: .customLong("hi3"),
            help: ArgumentHelp("The HI3 (CC) receiver; IPv6 as [address]:port.", valueName: "host:port")
        )
        var hi3: String

        @Flag(name: .customLong("plaintext"), help: "Hand over over plain TCP (required until TLS is available).")
        var plaintext = false

        @Option(
            name: .customLong("keepalive"),
            help: ArgumentHelp("Idle seconds before a keep-alive, 1-86400 (default 300).", valueName: "seconds")
        )
        var keepalive: String?

        @Option(
            name: .customLong("keepalive-wait"),
            help: ArgumentHelp(
                "Seconds to wait for the keep-alive response, 1-3600 and less than --keepalive (default 30).",
                valueName: "seconds"
            )
        )
        var keepaliveWait: String?

        @Option(
            name: .customLong("country"),
            help: ArgumentHelp(
                "The agency's country, 2 letters: the default --auth-cc and --delivery-cc of its warrants.",
                valueName: "cc"
            )
        )
        var country: String?

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let request = AgencyAddRequest(
                name: name,
                hi2: hi2,
                hi3: hi3,
                plaintext: plaintext,
                keepalive: keepalive,
                keepaliveWait: keepaliveWait,
                country: country
            )
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.addAgency(request) }
        }
    }

    /// `agency list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the agencies.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.listAgencies() }
        }
    }

    /// `agency show NAME`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one agency.")

        @Argument(help: "The agency's name.")
        var name: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.showAgency(name: name) }
        }
    }

    /// `agency remove NAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an agency (refused while a warrant that has not ended delivers to it)."
        )

        @Argument(help: "The agency's name.")
        var name: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in
                try commands.removeAgency(name: name)
            }
        }
    }
}
