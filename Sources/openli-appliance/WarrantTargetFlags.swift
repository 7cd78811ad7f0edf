import Appliance
import ArgumentParser

/// The target options of one kind of warrant on the command line: what `warrant add KIND` takes besides the options
/// every kind shares (``WarrantAddCommand``).
protocol WarrantTargetFlags: ParsableArguments {
    /// The kind, as `warrant add` names it (`ip`).
    static var kind: String { get }
    /// The one-line abstract of `warrant add KIND`.
    static var abstract: String { get }
    /// What a warrant of the kind needs, for `warrant add KIND --help`.
    static var targetDiscussion: String { get }
    /// The options as typed.
    var options: any WarrantTargetOptions { get }
}

/// `warrant add ip LIID ...`: a RADIUS user, static addresses, a vendor mirror id and/or a raw UDP sink.
struct IPTargetFlags: WarrantTargetFlags {
    static let kind = "ip"
    static let abstract =
        "Add an IP-access warrant: a RADIUS user, static addresses, a vendor mirror id and/or a raw UDP sink."
    static let targetDiscussion = """
        A warrant needs at least one target: --user, --static-ip, --mirror-id or --sink. A mirror warrant's CCs come \
        from the mirror streams (server add jmirror|alu-mirror|cisco-mirror, or a sink of that encapsulation); its \
        IRIs come from RADIUS when it also names --user, otherwise it has CCs only.
        """

    @Option(
        name: .customLong("user"),
        help: ArgumentHelp("The RADIUS User-Name (exact match).", valueName: "username")
    )
    var user: String?

    @Option(
        name: .customLong("static-ip"),
        help: ArgumentHelp(
            "A static IPv4/IPv6 address or CIDR prefix; repeatable. Host bits after the prefix length are cleared"
                + " (10.1.2.3/8 is stored as 10.0.0.0/8).",
            valueName: "cidr"
        )
    )
    var staticIP: [String] = []

    @Option(
        name: .customLong("session-id"),
        help: ArgumentHelp("The CIN of static-IP and sink sessions, 1-2147483647 (default 1).", valueName: "n")
    )
    var sessionID: String?

    @Option(
        name: .customLong("mirror-id"),
        help: ArgumentHelp(
            "The intercept id a router puts in the mirror shim of the target's packets: 0-1073741823 for jmirror"
                + " and alu, 0-4294967295 for cisco.",
            valueName: "n"
        )
    )
    var mirrorID: String?

    @Option(
        name: .customLong("mirror-vendor"),
        help: ArgumentHelp(
            "The vendor whose shim carries --mirror-id (default: any).",
            valueName: "jmirror|alu|cisco"
        )
    )
    var mirrorVendor: String?

    @Option(
        name: .customLong("sink"),
        help: ArgumentHelp(
            "A raw UDP sink (sink add) whose every datagram is the target's IP packet; the CIN is --session-id.",
            valueName: "address:port"
        )
    )
    var sink: String?

    var options: any WarrantTargetOptions {
        IPTargetOptions(
            user: user,
            staticIPs: staticIP,
            sessionID: sessionID,
            mirrorID: mirrorID,
            mirrorVendor: mirrorVendor,
            sink: sink
        )
    }
}

/// `warrant add voip LIID ...`: SIP users and/or telephone numbers.
struct VoIPTargetFlags: WarrantTargetFlags {
    static let kind = "voip"
    static let abstract = "Add a VoIP warrant: SIP users and/or telephone numbers; every call they take part in."
    static let targetDiscussion = """
        A warrant needs at least one target: --sip-uri or --tel (at most 64 in all; one given twice is kept \
        once). sip:alice@* matches user alice at any host; --tel *3257781 matches any number ending in \
        3257781 (+643257781, 00643257781).
        """

    @Option(
        name: .customLong("sip-uri"),
        help: ArgumentHelp(
            "A SIP user: sip:user@host, sips:user@host or sip:user@* (any host); repeatable.",
            valueName: "uri"
        )
    )
    var sipURI: [String] = []

    @Option(
        name: .customLong("tel"),
        help: ArgumentHelp(
            "A telephone number: +digits, digits, or *digits for any number ending in them; repeatable.",
            valueName: "number"
        )
    )
    var tel: [String] = []

    var options: any WarrantTargetOptions {
        VoIPTargetOptions(sipURIs: sipURI, tels: tel)
    }
}

/// `warrant add email LIID ...`: mailboxes.
struct EmailTargetFlags: WarrantTargetFlags {
    static let kind = "email"
    static let abstract = "Add an email warrant: mailboxes; every SMTP, IMAP and POP3 session they take part in."
    static let targetDiscussion = """
        A warrant needs at least one --address (at most 64). Addresses match whatever their case: the local part \
        is kept as written and the domain in lower case, and Erin@Example.ORG and erin@example.org are the same \
        mailbox (one given twice is kept once).
        """

    @Option(
        name: .customLong("address"),
        help: ArgumentHelp("A mailbox, local@domain; repeatable.", valueName: "address")
    )
    var address: [String] = []

    var options: any WarrantTargetOptions {
        EmailTargetOptions(addresses: address)
    }
}

/// `warrant add mobile LIID ...`: subscribers and devices.
struct MobileTargetFlags: WarrantTargetFlags {
    static let kind = "mobile"
    static let abstract = "Add a mobile warrant: IMSIs, MSISDNs and/or IMEIs; every GTP session they hold."
    static let targetDiscussion = """
        A warrant needs at least one identity: --imsi, --msisdn or --imei (at most 64 in all; one given twice is \
        kept once). An MSISDN is the number in international form; a leading + is dropped.
        """

    @Option(name: .customLong("imsi"), help: ArgumentHelp("An IMSI, 6-15 digits; repeatable.", valueName: "digits"))
    var imsi: [String] = []

    @Option(
        name: .customLong("msisdn"),
        help: ArgumentHelp("An MSISDN with country code, 6-15 digits (+ allowed); repeatable.", valueName: "digits")
    )
    var msisdn: [String] = []

    @Option(
        name: .customLong("imei"),
        help: ArgumentHelp("An IMEI or IMEISV, 14-16 digits; repeatable.", valueName: "digits")
    )
    var imei: [String] = []

    var options: any WarrantTargetOptions {
        MobileTargetOptions(imsis: imsi, msisdns: msisdn, imeis: imei)
    }
}
