import Crypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit key: 32 random bytes in a file of their own, outside the database, under which every audit row's hash
/// is an HMAC-SHA256. Someone who can rewrite the database but cannot read this file cannot recompute the chain.
///
/// The file is created owner-only (0600) with the store, by default beside it (``WarrantStore/defaultAuditKeyPath(
/// forStoreAt:)``). An existing file that the process owns and that others may read or write is narrowed to 0600;
/// one that others may read or write and that the process cannot narrow is refused.
enum AuditKeyFile {
    /// The key's length in bytes.
    static let size = 32

    /// The key in the file at `path`; nil when there is no such file.
    static func load(path: String) throws(StoreError) -> SymmetricKey? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT {
                return nil
            }
            throw StoreError(.io, "cannot open the audit key \(path): \(lastError())")
        }
        defer { close(descriptor) }
        try requireOwnerOnly(descriptor, path: path)
        var bytes = [UInt8](repeating: 0, count: size + 1)
        let count = read(descriptor, &bytes, bytes.count)
        guard count == size else {
            throw StoreError(.io, "the audit key \(path) is not a \(size)-byte key file")
        }
        return SymmetricKey(data: bytes[..<size])
    }

    /// The key in the file at `path`, or a new random key written there (mode 0600) when there is no file.
    static func loadOrCreate(path: String) throws(StoreError) -> SymmetricKey {
        if let key = try load(path: path) {
            return key
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
        guard descriptor >= 0 else {
            if errno == EEXIST, let key = try load(path: path) {
                return key
            }
            throw StoreError(.io, "cannot create the audit key \(path): \(lastError())")
        }
        defer { close(descriptor) }
        let key = SymmetricKey(size: .bits256)
        let written = key.withUnsafeBytes { bytes in write(descriptor, bytes.baseAddress, bytes.count) }
        guard written == size, fsync(descriptor) == 0 else {
            let reason = lastError()
            unlink(path)
            throw StoreError(.io, "cannot write the audit key \(path): \(reason)")
        }
        return key
    }

    /// Narrows a key file the process owns to 0600; refuses one that is not a regular file, or that others may read
    /// or write when the process cannot narrow it.
    private static func requireOwnerOnly(_ descriptor: Int32, path: String) throws(StoreError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw StoreError(.io, "cannot inspect the audit key \(path): \(lastError())")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw StoreError(.io, "the audit key \(path) is not a regular file")
        }
        guard status.st_mode & 0o7177 != 0 else {
            return
        }
        guard status.st_uid == geteuid(), fchmod(descriptor, mode_t(0o600)) == 0 else {
            throw StoreError(.io, "the audit key \(path) may be read or written by others (mode must be 0600)")
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
