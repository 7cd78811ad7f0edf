import Foundation

/// Golden vectors and tools in `shared/`, found from a test file's path (`<repo>/Tests/X/File.swift`, with
/// `shared/` beside the repository).
public enum VectorFiles {
    /// The `shared` directory for the test file `testFile`.
    public static func sharedDirectory(testFile: String = #filePath) -> URL {
        URL(fileURLWithPath: testFile)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared")
    }

    /// The path of `shared/vectors/<name>`.
    public static func vectorURL(_ name: String, testFile: String = #filePath) -> URL {
        sharedDirectory(testFile: testFile).appendingPathComponent("vectors").appendingPathComponent(name)
    }

    /// The bytes of `shared/vectors/<name>`.
    public static func bytes(_ name: String, testFile: String = #filePath) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: vectorURL(name, testFile: testFile)))
    }

    /// The names of the files in `shared/vectors/<directory>` ending in `suffix`, sorted.
    public static func names(in directory: String, suffix: String, testFile: String = #filePath) throws -> [String] {
        let url = vectorURL(directory, testFile: testFile)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(suffix) }
            .sorted()
    }

    /// The path of `shared/tools/etsi-decode`.
    public static func etsiDecode(testFile: String = #filePath) -> URL {
        sharedDirectory(testFile: testFile).appendingPathComponent("tools").appendingPathComponent("etsi-decode")
    }
}
