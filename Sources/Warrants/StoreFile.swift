#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the store's directory and file with owner-only permissions before sqlite opens it.
enum StoreFile {
    /// Creates missing directories of `path` with mode 0700 and the file with mode 0600. An existing file that the
    /// process owns and that others may read is narrowed to 0600.
    static func prepare(path: String) throws(StoreError) {
        guard !path.isEmpty else {
            throw StoreError(
                .invalid,
                field: "database_path",
                parts: [.field("database_path"), .text(" \"\" is not a file path")]
            )
        }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode_t(0o600))
        guard descriptor >= 0 else {
            throw StoreError(.io, "cannot open the warrant store at \(path): \(lastError())")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw StoreError(.io, "cannot inspect the warrant store at \(path): \(lastError())")
        }
        if status.st_uid == geteuid(), status.st_mode & 0o7177 != 0 {
            guard fchmod(descriptor, mode_t(0o600)) == 0 else {
                throw StoreError(.io, "cannot make the warrant store at \(path) owner-only: \(lastError())")
            }
        }
    }

    /// Creates each missing directory on the way to `directory`, mode 0700.
    private static func makeDirectories(_ directory: String) throws(StoreError) {
        var status = stat()
        if stat(directory, &status) == 0 {
            return
        }
        if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            try makeDirectories(String(directory[..<slash]))
        }
        guard mkdir(directory, mode_t(0o700)) == 0 || errno == EEXIST else {
            throw StoreError(.io, "cannot create the directory \(directory): \(lastError())")
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
