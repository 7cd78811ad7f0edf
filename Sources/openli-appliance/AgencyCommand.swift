import Appliance
import ArgumentParser

/// `openli-appliance agency add|modify|list|show|remove`.
struct AgencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency",
        abstract: "Manage the agencies that receive intercepts.",
        subcommands: [Add.self, AgencyModifyCommand.self, List.self, Show.self, Remove.self]
    )

    /// `agency add NAME --hi2 HOST:PORT --hi3 HOST:PORT (--ca FILE --cert FILE --key FILE | --plaintext) ...`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an agency: where its HI2 (IRI) and HI3 (CC) receivers listen and how to reach them.",
            discussion: """
                Handover is TLS 1.3 with mutual authentication unless --plaintext is given: --ca, --cert and --key \
                are then required, and each file must exist and parse (PEM); the store keeps their absolute paths, \
                never their contents. --plaintext refuses the TLS options.

                Records can be protected besides: --encryption-key-file encrypts every payload (AES-192-CBC), and \
                --integrity sends hash TRIs (and, with --signing-key, signature TRIs) in every stream. Key files are \
                read now, so a bad key is refused; the store keeps their paths and the encryption key's fingerprint.
                """
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

        @Option(
            name: .customLong("ca"),
            help: ArgumentHelp("PEM file of the CA that signed the agency's certificate.", valueName: "file")
        )
        var ca: String?

        @Option(
            name: .customLong("cert"),
            help: ArgumentHelp("PEM file of this appliance's client certificate (chain).", valueName: "file")
        )
        var cert: String?

        @Option(
            name: .customLong("key"),
            help: ArgumentHelp("PEM file of this appliance's private key.", valueName: "file")
        )
        var key: String?

        @Option(
            name: .customLong("server-name"),
            help: ArgumentHelp(
                "The DNS name the agency's certificate must carry (default: checked against the CA only).",
                valueName: "name"
            )
        )
        var serverName: String?

        @Flag(name: .customLong("tls12"), help: "Accept TLS 1.2 besides TLS 1.3.")
        var tls12 = false

        @Flag(name: .customLong("plaintext"), help: "Hand over over plain TCP, without TLS (an explicit opt-out).")
        var plaintext = false

        @Option(
            name: .customLong("timestamp"),
            help: ArgumentHelp(
                "How records carry their time: microSecondTimeStamp or GeneralizedTime (default microseconds).",
                valueName: "microseconds|generalized"
            )
        )
        var timestamp: String?

        @Option(
            name: .customLong("etsi-profile"),
            help: ArgumentHelp(
                "Object identifiers: the current ETSI versions, or those OpenLI 1.1 sends (default current).",
                valueName: "current|openli"
            )
        )
        var etsiProfile: String?

        @Option(
            name: .customLong("retry"),
            help: ArgumentHelp(
                "Seconds between attempts while the agency is down, 1-3600 (default 10).",
                valueName: "seconds"
            )
        )
        var retry: String?

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

        @OptionGroup var protection: AgencyProtectionFlags

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let request = AgencyAddRequest(
                name: name,
                hi2: hi2,
                hi3: hi3,
                plaintext: plaintext,
                ca: ca,
                cert: cert,
                key: key,
                serverName: serverName,
                tls12: tls12,
                timestamp: timestamp,
                etsiProfile: etsiProfile,
                retry: retry,
                keepalive: keepalive,
                keepaliveWait: keepaliveWait,
                country: country,
                protection: protection.options()
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
