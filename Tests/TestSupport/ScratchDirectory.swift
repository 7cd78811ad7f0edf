import Foundation

/// A fresh directory under the system's temporary directory for one test's files, removed when the value goes away
/// (or earlier, by ``remove()``).
public final class ScratchDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Creates `<tmp>/<prefix>-<UUID>`.
    public init(prefix: String = "openli-tests") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        remove()
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
