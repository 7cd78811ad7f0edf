import ArgumentParser

/// The options every `warrant add KIND` shares: country codes, time window (and whether an end in the past is
/// accepted) and what is delivered.
struct WarrantAddCommonOptions: ParsableArguments {
    @Option(
        name: .customLong("auth-cc"),
        help: ArgumentHelp(
            "Authorization country code, 2 letters (default: the agency's --country).",
            valueName: "cc"
        )
    )
    var authCC: String?

    @Option(
        name: .customLong("delivery-cc"),
        help: ArgumentHelp("Delivery country code, 2 letters (default: the agency's --country).", valueName: "cc")
    )
    var deliveryCC: String?

    @Option(
        name: .customLong("start"),
        help: ArgumentHelp("Start of the window (default: none).", valueName: "time")
    )
    var start: String?

    @Option(
        name: .customLong("end"),
        help: ArgumentHelp("End of the window, after --start (default: none).", valueName: "time")
    )
    var end: String?

    @Option(
        name: .customLong("deliver"),
        help: ArgumentHelp("What to deliver (default both).", valueName: "iri|cc|both")
    )
    var deliver: String?

    @Flag(
        name: .customLong("allow-past"),
        help: "Accept an --end before now (the warrant is stored already expired and never intercepts)."
    )
    var allowPast = false
}
