import Foundation

/// The golden vectors in `Tests/Fixtures/vectors` (see the README.md there).
public enum VectorFiles {
    /// The URL of `vectors/<name>`.
    public static func vectorURL(_ name: String) -> URL {
        RepositoryLayout.vector(name)
    }

    /// The bytes of `vectors/<name>`.
    public static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: vectorURL(name)))
    }

    /// The names of the files in `vectors/<directory>` ending in `suffix`, sorted.
    public static func names(in directory: String, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: vectorURL(directory).path)
            .filter { $0.hasSuffix(suffix) }
            .sorted()
    }
}
