import Logging

/// Sets up logging for the process: lines to standard error, at a level the operator chooses.
public enum ApplianceLogging {
    /// The level names `--log-level` accepts.
    public static let levelNames = Logger.Level.allCases.map(\.rawValue)

    /// Installs the standard-error handler and returns the appliance's root logger (`openli.appliance`).
    /// Returns nil when `level` is not a level name.
    public static func bootstrap(level: String) -> Logger? {
        guard let parsed = Logger.Level(rawValue: level) else { return nil }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        return Logger(label: "openli.appliance")
    }
}
