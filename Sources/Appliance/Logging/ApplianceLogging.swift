import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Sets up logging for the process: lines to standard error, at a level the operator chooses (and a reload
/// changes), in text or JSON.
public enum ApplianceLogging {
    /// The level names `--log-level` accepts.
    public static let levelNames = Logger.Level.allCases.map(\.rawValue)

    /// The level every logger of the process logs at; a reload sets it.
    public static let levels = LogLevelSwitch(.info)

    /// Whether standard error goes to journald (systemd sets `JOURNAL_STREAM` for a unit's output).
    public static var underJournal: Bool { getenv("JOURNAL_STREAM") != nil }

    /// Installs the standard-error handler and returns the appliance's root logger (`openli.appliance`).
    /// Returns nil when `level` is not a level name.
    public static func bootstrap(level: String, format: LogFormat = .text) -> Logger? {
        guard let parsed = Logger.Level(rawValue: level) else { return nil }
        levels.level = parsed
        let journal = underJournal
        LoggingSystem.bootstrap { label in
            ApplianceLogHandler(label: label, format: format, underJournal: journal, levels: levels)
        }
        return Logger(label: "openli.appliance")
    }
}
