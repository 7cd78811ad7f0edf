import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes each event as one line to standard error, in the run's ``LogFormat``, at the level of a shared
/// ``LogLevelSwitch``. Under systemd (`JOURNAL_STREAM` set) lines carry no time of their own: journald adds it.
struct ApplianceLogHandler: LogHandler {
    private let label: String
    private let format: LogFormat
    private let underJournal: Bool
    private let levels: LogLevelSwitch
    /// Metadata set on the logger (`logger[metadataKey:]`).
    var metadata: Logger.Metadata = [:]

    /// A handler for loggers labelled `label`.
    init(label: String, format: LogFormat, underJournal: Bool, levels: LogLevelSwitch) {
        self.label = label
        self.format = format
        self.underJournal = underJournal
        self.levels = levels
    }

    /// The shared level: setting it changes every logger's.
    var logLevel: Logger.Level {
        get { levels.level }
        set { levels.level = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let time = underJournal ? nil : Self.timestamp()
        switch format {
        case .text:
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            let prefix = underJournal ? "<\(Self.syslogPriority(event.level))>" : (time ?? "") + " "
            StandardError.writeLine(
                "\(prefix)\(event.level) \(label):\(fields.isEmpty ? "" : " " + fields) \(event.message)"
            )
        case .json:
            StandardError.writeLine(
                JSONLogLine(time: time, level: event.level, label: label, message: "\(event.message)", metadata: merged)
                    .text
            )
        }
    }

    /// The syslog priority journald reads from a `<N>` line prefix.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Local time, `2026-05-04T13:05:09+1200`.
    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return "-" }
        var buffer = [CChar](repeating: 0, count: 40)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
