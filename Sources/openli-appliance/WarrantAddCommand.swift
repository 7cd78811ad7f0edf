import Appliance
import ArgumentParser

/// `warrant add KIND LIID --agency NAME ...`: the options every kind shares, and the kind's own (`Target`).
struct WarrantAddCommand<Target: WarrantTargetFlags>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Target.kind,
            abstract: Target.abstract,
            discussion: Target.targetDiscussion + " " + """
                Times are ISO 8601 with Z or an offset (2026-01-01T00:00:00Z, 2026-01-01T12:00:00.250+13:00); a date \
                alone is refused, and so is an --end before now unless --allow-past is given.
                """
        )
    }

    @Argument(help: "The LIID: 1-25 printable ASCII characters (letters, digits, punctuation; no spaces), unique.")
    var liid: String

    @Option(
        name: .customLong("agency"),
        help: ArgumentHelp("The agency that receives the records.", valueName: "name")
    )
    var agency: String

    @OptionGroup var target: Target

    @OptionGroup var common: WarrantAddCommonOptions

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let request = WarrantAddRequest(
            liid: liid,
            agency: agency,
            target: target.options,
            authCC: common.authCC,
            deliveryCC: common.deliveryCC,
            start: common.start,
            end: common.end,
            deliver: common.deliver,
            allowPast: common.allowPast
        )
        try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.addWarrant(request) }
    }
}
