import Foundation

/// Reads and writes the status file of a running appliance (written atomically: temp file, then rename).
public enum StatusFile {
    /// The default location, inside the default spool directory.
    public static let defaultPath = "/var/lib/openli-appliance/spool/status.json"

    /// Writes `status` to `path`.
    public static func write(_ status: ApplianceStatus, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(status)
        let temporary = path + ".tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            throw ApplianceError(.runtime, "status: cannot rename \(temporary) to \(path)")
        }
    }

    /// Reads the status at `path`.
    public static func read(from path: String) throws(ApplianceError) -> ApplianceStatus {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ApplianceError(.runtime, "status: no status at \(path): is the appliance running with this --spool?")
        }
        do {
            return try JSONDecoder().decode(ApplianceStatus.self, from: data)
        } catch {
            throw ApplianceError(.runtime, "status: \(path) is not a status file (\(error))")
        }
    }
}
