import Appliance
import ArgumentParser

/// `openli-appliance warrant modify LIID ...`.
struct WarrantModifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modify",
        abstract: "Change a warrant that has not been ended: only what is given changes.",
        discussion: """
            --static-ip replaces the whole list; on a VoIP warrant, --sip-uri and --tel together replace the \
            whole target list; on an email warrant, --address replaces the addresses; on a mobile warrant, \
            --imsi, --msisdn and --imei together replace the identities. --start none and --end none remove a \
            bound; --no-user, --no-static-ip, --no-mirror-id and --no-sink remove a target. --mirror-id without \
            --mirror-vendor keeps the vendor. --user, --static-ip, --session-id, --mirror-id, --mirror-vendor and \
            --sink apply to IP warrants only, --sip-uri and --tel to VoIP warrants only, --address to email \
            warrants only, --imsi, --msisdn and --imei to mobile warrants only. The result is checked like a new \
            warrant (it still needs a target) and recorded in the audit log; a running appliance sends the agency \
            an HI1 modification notice. An --end before now is refused unless --allow-past is given.
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
        name: .customLong("mirror-id"),
        help: ArgumentHelp("The intercept id in the target's vendor mirror shim.", valueName: "n")
    )
    var mirrorID: String?

    @Option(
        name: .customLong("mirror-vendor"),
        help: ArgumentHelp("The vendor whose shim carries the mirror id.", valueName: "jmirror|alu|cisco")
    )
    var mirrorVendor: String?

    @Flag(name: .customLong("no-mirror-id"), help: "Stop targeting a mirror id (and its vendor).")
    var noMirrorID = false

    @Option(
        name: .customLong("sink"),
        help: ArgumentHelp("A raw UDP sink whose datagrams are the target's packets.", valueName: "address:port")
    )
    var sink: String?

    @Flag(name: .customLong("no-sink"), help: "Stop taking a sink's datagrams.")
    var noSink = false

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
        help: ArgumentHelp("The CIN of static-IP and sink sessions, 1-2147483647.", valueName: "n")
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
                    sessionID: sessionID,
                    mirrorID: mirrorID,
                    mirrorVendor: mirrorVendor,
                    noMirrorID: noMirrorID,
                    sink: sink,
                    noSink: noSink
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
