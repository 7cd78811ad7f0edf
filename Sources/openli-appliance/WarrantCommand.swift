import Appliance
import ArgumentParser

/// `openli-appliance warrant add ip|voip|email|mobile, modify, list, show, end`.
struct WarrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warrant",
        abstract: "Manage warrants (intercepts).",
        subcommands: [Add.self, WarrantModifyCommand.self, List.self, Show.self, End.self]
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
