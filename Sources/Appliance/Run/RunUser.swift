#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The unprivileged user `run --user NAME` becomes once its capture handles, sink sockets and state are ready:
/// that user's id and group only (no supplementary groups), no capabilities left, and files created afterwards
/// readable by that user alone (umask 077: files 0600, directories 0700).
public struct RunUser: Sendable, Equatable {
    /// The user's name.
    public let name: String
    /// Its user id.
    public let uid: uid_t
    /// Its primary group.
    public let gid: gid_t

    /// Looks `name` up in the user database; a name that is no user, or root, is refused (exit 2), and so is any
    /// other user when this process cannot switch to it (not root).
    public init(name: String) throws(ApplianceError) {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwnam_r(name, &entry, &buffer, buffer.count, &result) == 0, result != nil else {
            throw ApplianceError(.usage, "run: --user \"\(name)\": no such user")
        }
        guard entry.pw_uid != 0 else {
            throw ApplianceError(.usage, "run: --user \"\(name)\": is root; name an unprivileged user")
        }
        guard geteuid() == 0 || geteuid() == entry.pw_uid else {
            throw ApplianceError(.usage, "run: --user \"\(name)\": only root can switch to another user")
        }
        self.name = name
        uid = entry.pw_uid
        gid = entry.pw_gid
    }

    /// Hands the run's state to the user: `paths` (files or directories, directories with everything under them;
    /// missing ones are skipped) become its own, so that it can go on writing the spool, the journal, the status
    /// file and the store's write-ahead log. Symbolic links are changed themselves, never followed.
    public func adopt(_ paths: [String]) throws(ApplianceError) {
        guard geteuid() == 0 else { return }
        for path in paths {
            try adopt(path)
        }
    }

    private func adopt(_ path: String) throws(ApplianceError) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard lchown(path, uid, gid) == 0 else {
            throw ApplianceError(.runtime, "run: --user \(name): cannot hand \(path) over (\(Self.reason()))")
        }
        guard status.st_mode & S_IFMT == S_IFDIR, let handle = opendir(path) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let child = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if child != "." && child != ".." {
                try adopt(path + "/" + child)
            }
        }
    }

    static func reason() -> String {
        String(cString: strerror(errno))
    }
}
