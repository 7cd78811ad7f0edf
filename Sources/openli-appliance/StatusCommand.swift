import Appliance
import ArgumentParser

/// `openli-appliance status`: what the running appliance reports about its capture and handover.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the running appliance's capture and, per agency and handover, its connection state.",
        discussion: """
            Reads the status file that `run` rewrites every second (status.json in its spool directory: --spool, \
            else the one beside the store --db names): per agency HI2 and HI3, connected or not and since when, \
            records sent, acknowledged and spooled, bytes, the last keep-alive round trip, the TLS version and the \
            agency's certificate.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(
        name: .customLong("spool"),
        help: ArgumentHelp(
            "The spool directory `run` uses (default: the one of the store --db names, as for run).",
            valueName: "dir"
        )
    )
    var spool: String?

    func run() throws {
        let directory = spool ?? RunStateDirectory.defaultPath(forStoreAt: database.resolvedPath)
        let status = try StatusFile.read(from: directory + "/status.json")
        print(StatusText.render(status), terminator: "")
    }
}
