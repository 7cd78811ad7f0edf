import Appliance
import ArgumentParser

extension WarrantCommand {
    /// `warrant add voip LIID --agency NAME ...`.
    struct VoIP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voip",
            abstract: "Add a VoIP warrant: SIP users and/or telephone numbers; every call they take part in.",
            discussion: """
                A warrant needs at least one target: --sip-uri or --tel (at most 64 in all; one given twice is kept \
                once). sip:alice@* matches user alice at any host; --tel *3257781 matches any number ending in \
                3257781 (+643257781, 00643257781). Times are ISO 8601 with Z or an offset \
                (2026-01-01T00:00:00Z, 2026-01-01T12:00:00.250+13:00); a date alone is refused, and so is an --end \
                before now unless --allow-past is given.
                """
        )

        @Argument(help: "The LIID: 1-25 printable ASCII characters (letters, digits, punctuation; no spaces), unique.")
        var liid: String

        @Option(
            name: .customLong("agency"),
            help: ArgumentHelp("The agency that receives the records.", valueName: "name")
        )
        var agency: String

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

        @OptionGroup var common: WarrantAddCommonOptions

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let request = VoIPWarrantAddRequest(
                liid: liid,
                agency: agency,
                sipURIs: sipURI,
                tels: tel,
                authCC: common.authCC,
                deliveryCC: common.deliveryCC,
                start: common.start,
                end: common.end,
                deliver: common.deliver,
                allowPast: common.allowPast
            )
            try AdminInvocation.run(database) { commands throws(ApplianceError) in
                try commands.addVoIPWarrant(request)
            }
        }
    }
}
