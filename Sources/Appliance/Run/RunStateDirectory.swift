import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory where `run` keeps the run state of one warrant store: the spooled records, the sequence-number
/// journal and the status file (DESIGN §6).
///
/// By default it sits beside the store (``defaultPath(forStoreAt:)``). It records the id of the store it belongs to
/// (``WarrantStore/storeID()``) in a marker file, written when a run first uses it, so that a run never sends one
/// store's spooled records to another store's agencies, nor continues its sequence numbers.
public struct RunStateDirectory: Sendable {
    /// Whose run state a directory holds.
    public enum Owner: Sendable, Equatable {
        /// Nobody's yet: the directory is missing or empty.
        case none
        /// The store with this id.
        case store(String)
        /// Some store's, unknown: it holds run state but no marker (made before stores had ids, or the marker was
        /// removed).
        case unknown
    }

    /// The marker file's name, inside the directory (a dot file: checks for spooled history pass over it).
    public static let markerName = ".store-id"

    /// The directory.
    public let path: String

    /// The directory at `path`.
    public init(path: String) {
        self.path = path
    }

    /// The default directory of the store at `storePath`: the path without the file's last extension, followed by
    /// `.spool` (`/var/lib/openli-appliance/warrants.sqlite` -> `/var/lib/openli-appliance/warrants.spool`).
    public static func defaultPath(forStoreAt storePath: String) -> String {
        let name = storePath.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            return storePath + ".spool"
        }
        return storePath.dropLast(name.distance(from: dot, to: name.endIndex)) + ".spool"
    }

    /// Whose run state the directory holds now.
    public func owner() throws(ApplianceError) -> Owner {
        if let marker = readMarker() {
            return .store(marker)
        }
        guard let handle = opendir(path) else {
            guard errno == ENOENT else {
                let problem = errno == ENOTDIR ? "not a directory" : "cannot be read (\(Self.reason()))"
                throw ApplianceError(.runtime, "run: --spool \(path): \(problem)")
            }
            return .none
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." {
                return .unknown
            }
        }
        return .none
    }

    /// Writes the marker naming `storeID` (mode 0600), creating the directory (0700, parents too) when missing.
    public func claim(for storeID: String) throws(ApplianceError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST {
                throw ApplianceError(.runtime, "run: --spool \(path): cannot create \(partial) (\(Self.reason()))")
            }
        }
        let marker = path + "/" + Self.markerName
        let temporary = marker + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ApplianceError(.runtime, "run: --spool \(path): cannot write \(temporary) (\(Self.reason()))")
        }
        let bytes = Array((storeID + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, marker) == 0 else {
            throw ApplianceError(.runtime, "run: --spool \(path): cannot write \(marker) (\(Self.reason()))")
        }
    }

    /// The store id the marker names; nil when there is no readable marker.
    private func readMarker() -> String? {
        let descriptor = open(path + "/" + Self.markerName, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingSpace()
        return text.isEmpty ? nil : text
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}

extension String {
    /// The text without leading and trailing spaces and line ends.
    fileprivate func trimmingSpace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
