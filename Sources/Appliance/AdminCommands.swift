import Warrants

/// The administrative actions behind `openli-appliance agency|warrant|server|audit`: validate the operator's input,
/// change or read the warrant store, and render the result as text.
///
/// Every method throws ``ApplianceError`` with one line naming the command, the field and the value: usage errors
/// (exit status 2) for bad input, runtime errors (exit status 1) when the store cannot be used.
public struct AdminCommands: Sendable {
    /// The store's default path.
    public static let defaultDatabasePath = "/var/lib/openli-appliance/warrants.sqlite"
    /// The environment variable that overrides ``defaultDatabasePath``.
    public static let databaseEnvironmentVariable = "OPENLI_APPLIANCE_DB"

    /// The store's path.
    public var databasePath: String
    /// Who the audit log names for changes.
    public var actor: AuditActor
    /// The audit key file (`--audit-key`); nil for the store's default, its path followed by `.audit-key`.
    public var auditKeyPath: String?

    /// Creates the commands for the store at `databasePath`, whose audit key is at `auditKeyPath` (nil: the
    /// default beside the store).
    public init(databasePath: String, actor: AuditActor, auditKeyPath: String? = nil) {
        self.databasePath = databasePath
        self.actor = actor
        self.auditKeyPath = auditKeyPath
    }

    /// The store path to use: the `--db` option if given, else the environment variable, else the default.
    public static func databasePath(option: String?, environment: [String: String]) -> String {
        if let option {
            return option
        }
        if let fromEnvironment = environment[databaseEnvironmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return defaultDatabasePath
    }

    /// Opens the store, reporting failures as `command`'s.
    func openStore(_ command: String) throws(ApplianceError) -> WarrantStore {
        do {
            return try WarrantStore(path: databasePath, actor: actor, auditKeyPath: auditKeyPath)
        } catch {
            throw ApplianceError(error, command: command)
        }
    }

    /// Runs `body` and reports its store errors as `command`'s, naming fields as the command line's options.
    func run<T>(_ command: String, _ body: () throws(StoreError) -> T) throws(ApplianceError) -> T {
        do {
            return try body()
        } catch {
            throw ApplianceError(error, command: command)
        }
    }
}
