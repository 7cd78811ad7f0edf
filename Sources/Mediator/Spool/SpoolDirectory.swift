#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory calls the spool needs: create (owner only), list, remove, rename, and flush the directory entry
/// itself so that a created, renamed or removed file stays so after a crash.
enum SpoolDirectory {
    /// Creates `path` and any missing parents with mode 0700. An existing `path` that others (or the group) may
    /// enter is narrowed to 0700; if that is not possible the spool is refused. Existing parents are left as they are.
    static func create(_ path: String) throws(SpoolError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw SpoolFile.failure("mkdir", prefix)
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw SpoolFile.failure("stat", path) }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw SpoolError(.io, "mkdir \(path): exists and is not a directory")
        }
        try ownerOnly(path, status: status)
    }

    /// Narrows the directory `path` to mode 0700 (owner only) unless it already is.
    static func ownerOnly(_ path: String, status: stat) throws(SpoolError) {
        guard status.st_mode & 0o7077 != 0 else { return }
        guard status.st_uid == geteuid() else {
            throw SpoolError(
                .io,
                "\(path) has mode \(String(status.st_mode & 0o7777, radix: 8)) and belongs to another user; "
                    + "the spool must be owner-only (0700)"
            )
        }
        guard chmod(path, 0o700) == 0 else { throw SpoolFile.failure("chmod 0700", path) }
    }

    /// The names in `path`, without "." and "..".
    static func names(in path: String) throws(SpoolError) -> [String] {
        guard let stream = opendir(path) else { throw SpoolFile.failure("opendir", path) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes the file at `path`; a missing file is not an error.
    static func remove(_ path: String) throws(SpoolError) {
        if unlink(path) != 0 && errno != ENOENT { throw SpoolFile.failure("unlink", path) }
    }

    /// Renames `source` to `target`, replacing `target`.
    static func move(_ source: String, to target: String) throws(SpoolError) {
        guard rename(source, target) == 0 else { throw SpoolFile.failure("rename", source) }
    }

    /// Flushes the directory's entries (creations, renames, removals) to the disk.
    static func sync(_ path: String) throws(SpoolError) {
        let descriptor = retryingInterrupts { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw SpoolFile.failure("open", path) }
        defer { close(descriptor) }
        guard retryingInterrupts({ fsync(descriptor) }) == 0 else { throw SpoolFile.failure("fsync", path) }
    }
}
