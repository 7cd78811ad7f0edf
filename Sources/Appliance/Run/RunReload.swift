import Logging

/// What a reload (SIGHUP, `systemctl reload`) changes while the run goes on: only what is safe to change under
/// running capture. The log level is; interfaces, shards, the spool, timeouts, identities and the user need a
/// restart (warrants, agencies and servers are followed from the store without any signal).
public struct RunReload: Sendable {
    /// The level every logger logs at from now on.
    public var logLevel: Logger.Level

    /// A reload to `logLevel`.
    public init(logLevel: Logger.Level) {
        self.logLevel = logLevel
    }
}

/// Re-reads the run's configuration for a reload: the configuration file's seam. Throws (with the file, line and
/// key) when the configuration is no longer valid, and the run keeps its settings.
public typealias RunReloader = @Sendable () throws(ApplianceError) -> RunReload
