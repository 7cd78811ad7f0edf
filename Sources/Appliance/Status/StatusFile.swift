import Foundation

/// Reads and writes the status file of a running appliance (written atomically: temp file, then rename).
public enum StatusFile {
    /// Writes `status` to `path`, mode 0600 (it names agencies, addresses and certificates).
    public static func write(_ status: ApplianceStatus, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(status)
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ApplianceError(.runtime, "status: cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        let complete = fchmod(descriptor, 0o600) == 0 && writeAll(data, to: descriptor)
        close(descriptor)
        guard complete else { throw ApplianceError(.runtime, "status: cannot write \(temporary)") }
        if rename(temporary, path) != 0 {
            throw ApplianceError(.runtime, "status: cannot rename \(temporary) to \(path)")
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Foundation.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
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
