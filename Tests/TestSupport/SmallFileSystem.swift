import Foundation

/// A small tmpfs mounted for a test (a full disk on demand). Mounting needs root, as in the CI container; tests
/// that use it are enabled only where ``canMount`` is true.
public struct SmallFileSystem {
    /// Where it is mounted.
    public let path: String

    /// Whether this machine lets the tests mount a tmpfs.
    public static let canMount: Bool = {
        guard let probe = try? SmallFileSystem(kilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    /// Mounts a tmpfs of `kilobytes` at a new directory (under `parent`, or the temporary directory).
    public init(kilobytes: Int, under parent: String? = nil) throws {
        let base = parent ?? FileManager.default.temporaryDirectory.path
        path = base + "/small-fs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mounted = try ProcessRunner.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
        guard mounted.status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw DecoderError(message: "mount tmpfs: \(mounted.standardError)")
        }
    }

    /// Fills it with a file until no byte is left; returns the file's path (remove it to free the space).
    public func fill() -> String {
        let filler = path + "/filler"
        FileManager.default.createFile(atPath: filler, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: filler) else { return filler }
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        let byte = Data(count: 1)
        while (try? handle.write(contentsOf: byte)) != nil {}
        try? handle.close()
        return filler
    }

    /// Unmounts it and removes its directory.
    public func unmount() {
        _ = try? ProcessRunner.run("/bin/umount", ["-l", path])
        try? FileManager.default.removeItem(atPath: path)
    }
}
