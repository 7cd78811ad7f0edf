/// How `run` writes its log lines (`--log-format`).
public enum LogFormat: String, CaseIterable, Sendable {
    /// One human-readable line per event: `TIME LEVEL LABEL: [METADATA] MESSAGE` (under systemd without the time,
    /// which journald adds, and with the `<N>` syslog priority prefix journald reads the level from).
    case text
    /// One JSON object per line: `level`, `label`, `message`, `metadata` (an object of strings) and, unless
    /// journald adds it, `time`.
    case json
}
