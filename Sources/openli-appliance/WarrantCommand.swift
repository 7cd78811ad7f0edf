import Appliance
import ArgumentParser

/// `openli-appliance warrant add ip|voip|email|mobile, modify, list, show, end`.
struct WarrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warrant",
        abstract: "Manage warrants (intercepts).",
        subcommands: [Add.self, Modify.self, List.self, Show.self, End.self]
    )

    /// `warrant add KIND ...`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a warrant.",
            subcommands: [
                WarrantAddCommand<IPTargetFlags>.self, WarrantAddCommand<VoIPTargetFlags>.self,
                WarrantAddCommand<EmailTargetFlags>.self, WarrantAddCommand<MobileTargetFlags>.self,
            ]
        )
    }

    /// `warrant modify LIID ...`.
    struct Modify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "modify",
            abstract: "Change a warrant that has not been ended: only what is given changes.",
            discussion: """
                --static-ip replaces the whole list; on a VoIP warrant, --sip-uri and --tel together replace the \
                whole target list; on an email warrant, --address replaces the addresses; on a mobile warrant, \
                --imsi, --msisdn and --imei together replace the identities. --start none and --end none remove a \
                bound. --user, --static-ip and --session-id apply to IP warrants only, --sip-uri and --tel to VoIP \
                warrants only, --address to email warrants only, --imsi, --msisdn and --imei to mobile warrants \
                only. The result is checked like a new warrant (it still needs a target) and recorded in the audit log; a running appliance sends the \
                agency an HI1 modification notice. An --end before now is refused unless --allow-past is given.
                """
        )

        @Argument(help: "The warrant's LIID.")
        var liid: String

        @Option(
            name: .customLong("agency"),
            help: ArgumentHelp("The agency that receives the records.", valueName: "name")
        )
        var agency: String?

        @Option(
            name: .customLong("user"),
            help: ArgumentHelp("The RADIUS User-Name (exact match).", valueName: "username")
        )
        var user: String?

        @Flag(name: .customLong("no-user"), help: "Stop targeting a user name.")
        var noUser = false

        @Option(
            name: .customLong("static-ip"),
            help: ArgumentHelp("A static address or CIDR prefix; repeatable; replaces the list.", valueName: "cidr")
        )
        var staticIP: [String] = []

        @Flag(name: .customLong("no-static-ip"), help: "Stop targeting static addresses.")
        var noStaticIP = false

        @Option(
            name: .customLong("sip-uri"),
            help: ArgumentHelp("A SIP user (VoIP); repeatable; with --tel, replaces the targets.", valueName: "uri")
        )
        var sipURI: [String] = []

        @Option(
            name: .customLong("tel"),
            help: ArgumentHelp(
                "A telephone number (VoIP); repeatable; with --sip-uri, replaces the targets.",
                valueName: "number"
            )
        )
        var tel: [String] = []

        @Option(
            name: .customLong("address"),
            help: ArgumentHelp("A mailbox (email); repeatable; replaces the addresses.", valueName: "address")
        )
        var address: [String] = []

        @Option(
            name: .customLong("imsi"),
            help: ArgumentHelp("An IMSI (mobile); repeatable; with --msisdn and --imei, replaces the identities.")
        )
        var imsi: [String] = []

        @Option(
            name: .customLong("msisdn"),
            help: ArgumentHelp("An MSISDN (mobile); repeatable; with --imsi and --imei, replaces the identities.")
        )
        var msisdn: [String] = []

        @Option(
            name: .customLong("imei"),
            help: ArgumentHelp("An IMEI (mobile); repeatable; with --imsi and --msisdn, replaces the identities.")
        )
        var imei: [String] = []

        @Option(
            name: .customLong("session-id"),
            help: ArgumentHelp("The CIN of static-IP sessions, 1-2147483647.", valueName: "n")
        )
        var sessionID: String?

        @Option(name: .customLong("auth-cc"), help: ArgumentHelp("Authorization country code.", valueName: "cc"))
        var authCC: String?

        @Option(name: .customLong("delivery-cc"), help: ArgumentHelp("Delivery country code.", valueName: "cc"))
        var deliveryCC: String?

        @Option(
            name: .customLong("start"),
            help: ArgumentHelp("Start of the window, or none.", valueName: "time|none")
        )
        var start: String?

        @Option(name: .customLong("end"), help: ArgumentHelp("End of the window, or none.", valueName: "time|none"))
        var end: String?

        @Option(name: .customLong("deliver"), help: ArgumentHelp("What to deliver.", valueName: "iri|cc|both"))
        var deliver: String?

        @Flag(
            name: .customLong("allow-past"),
            help: "Accept an --end before now (the warrant expires at once; warrant end stops a warrant now)."
        )
        var allowPast = false

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let request = WarrantModifyRequest(
                liid: liid,
                agency: agency,
                authCC: authCC,
                deliveryCC: deliveryCC,
                start: start,
                end: end,
                deliver: deliver,
                allowPast: allowPast,
                targets: [
                    IPTargetOptions(
                        user: user,
                        noUser: noUser,
                        staticIPs: staticIP.isEmpty ? nil : staticIP,
                        noStaticIPs: noStaticIP,
                        sessionID: sessionID
                    ),
                    VoIPTargetOptions(sipURIs: sipURI.isEmpty ? nil : sipURI, tels: tel.isEmpty ? nil : tel),
                    EmailTargetOptions(addresses: address.isEmpty ? nil : address),
                    MobileTargetOptions(
                        imsis: imsi.isEmpty ? nil : imsi,
                        msisdns: msisdn.isEmpty ? nil : msisdn,
                        imeis: imei.isEmpty ? nil : imei
                    ),
                ]
            )
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.modifyWarrant(request) }
        }
    }

    /// `warrant list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract:
                "List the warrants (ip, voip, email and mobile) with their status: pending, active, expired or ended."
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.listWarrants() }
        }
    }

    /// `warrant show LIID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one warrant.")

        @Argument(help: "The warrant's LIID.")
        var liid: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.showWarrant(liid: liid)
            }
        }
    }

    /// `warrant end LIID`.
    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end",
            abstract: "End a warrant now. It is kept in the store, for the audit."
        )

        @Argument(help: "The warrant's LIID.")
        var liid: String

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.endWarrant(liid: liid) }
        }
    }
}
