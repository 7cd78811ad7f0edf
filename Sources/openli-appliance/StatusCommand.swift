import Appliance
import ArgumentParser

/// `openli-appliance status`: what the running appliance reports about its capture and handover.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the running appliance's capture and, per agency and handover, its connection state.",
        discussion: """
            Reads the status file that `run` rewrites every second (status.json in its --spool directory): per \
            agency HI2 and HI3, connected or not and since when, records sent, acknowledged and spooled, bytes, \
            the last keep-alive round trip, the TLS version and the agency's certificate.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("spool"), help: ArgumentHelp("The spool directory `run` uses.", valueName: "dir"))
    var spool = RunOptions.defaultSpoolDirectory

    func run() throws {
        let status = try StatusFile.read(from: spool + "/status.json")
        print(StatusText.render(status), terminator: "")
    }
}
