import Warrants

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The rule for sensitive data at rest, checked before `run` opens anything: the warrant store (with its `-wal` and
/// `-shm` files and the audit key) and the spool (intercepted content until the agency acknowledges it) are the
/// owner's alone: files 0600, directories 0700. A file or directory that the group or others may read, write or
/// enter is refused (usage error, exit status 2) with one line naming the path, its mode and the `chmod` that fixes
/// it, rather than narrowed behind the operator's back: something that widened them may have read them.
public enum StoreAtRest {
    /// Checks the store's files and the spool directory of `options`; missing files and a missing spool are fine
    /// (they are created owner-only), and a spool that is not a directory is left to the spool's own check.
    public static func check(_ options: RunOptions) throws(ApplianceError) {
        let store = options.databasePath
        let auditKey = options.auditKeyPath ?? WarrantStore.defaultAuditKeyPath(forStoreAt: store)
        for path in [store, store + "-wal", store + "-shm", auditKey] {
            try checkEntry(path)
        }
        var status = stat()
        if lstat(options.spoolDirectory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            try checkTree(options.spoolDirectory)
        }
    }

    /// Checks `path` and, when it is a directory, everything in it.
    private static func checkTree(_ path: String) throws(ApplianceError) {
        guard let isDirectory = try checkEntry(path), isDirectory else { return }
        guard let handle = opendir(path) else {
            throw ApplianceError(.runtime, "run: \(path) cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." {
                try checkTree(path + "/" + name)
            }
        }
    }

    /// Refuses `path` when group or others have any permission on it; returns whether it is a directory, nil when
    /// it does not exist. Symbolic links are not followed (their own mode means nothing).
    @discardableResult
    private static func checkEntry(_ path: String) throws(ApplianceError) -> Bool? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else {
                throw ApplianceError(.runtime, "run: \(path) cannot be examined (\(String(cString: strerror(errno))))")
            }
            return nil
        }
        let type = status.st_mode & S_IFMT
        guard type != S_IFLNK else { return false }
        let isDirectory = type == S_IFDIR
        guard status.st_mode & 0o077 == 0 else {
            let mode = String(status.st_mode & 0o7777, radix: 8)
            let wanted = isDirectory ? "700" : "600"
            throw ApplianceError(
                .usage,
                "run: \(path) is open to group or others (mode 0\(mode)); chmod \(wanted) \(path)"
            )
        }
        return isDirectory
    }
}
