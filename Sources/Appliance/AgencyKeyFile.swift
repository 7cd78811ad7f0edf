import ETSI

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an agency's key files: the payload encryption key and the integrity signing key. `agency add|modify` reads
/// them to refuse a bad key at once, and a run reads them to use them. Nothing read is kept by the store, printed or
/// logged: errors name the path and what is wrong, never the contents.
enum AgencyKeyFile {
    /// Why a key file cannot be used: one line naming the path.
    struct Failure: Error, Sendable, CustomStringConvertible {
        /// The file.
        var path: String
        /// What is wrong with it.
        var reason: String

        var description: String { "\(path): \(reason)" }
    }

    /// What identifies one version of a file: a changed file (rewritten, replaced) has another.
    struct Version: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64
        /// The permission bits.
        var mode: UInt32

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            #if canImport(Darwin)
            modifiedSeconds = Int64(status.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int64(status.st_mtimespec.tv_nsec)
            #else
            modifiedSeconds = Int64(status.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(status.st_mtim.tv_nsec)
            #endif
            mode = UInt32(status.st_mode & 0o7777)
        }

        /// Whether group or others may read or write the file.
        var isOpenToOthers: Bool { mode & 0o077 != 0 }
    }

    /// Key files are small: a larger file is not a key.
    static let sizeLimit = 65_536

    /// The version of the file at `path` now, without reading it (stat follows symbolic links).
    static func version(of path: String) throws(Failure) -> Version {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw Failure(path: path, reason: "cannot be read (\(lastError()))")
        }
        return Version(status)
    }

    /// The contents and version of the regular file at `path`.
    static func contents(_ path: String) throws(Failure) -> (bytes: [UInt8], version: Version) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "cannot be read (\(lastError()))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw Failure(path: path, reason: "is not a regular file")
        }
        guard status.st_size <= sizeLimit else {
            throw Failure(path: path, reason: "is larger than \(sizeLimit) bytes: not a key file")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw Failure(path: path, reason: "cannot be read (\(lastError()))") }
            if got == 0 { break }
            count += got
        }
        return (Array(bytes[..<count]), Version(status))
    }

    /// The payload encryption key in the file at `path`.
    static func encryptionKey(_ path: String) throws(Failure) -> (key: PayloadEncryptionKey, version: Version) {
        let (bytes, version) = try contents(path)
        do {
            return (try PayloadEncryptionKey(fileContents: bytes), version)
        } catch {
            throw Failure(path: path, reason: error.description)
        }
    }

    /// The integrity signing key in the PEM file at `path`.
    static func signingKey(_ path: String) throws(Failure) -> (key: IntegritySigningKey, version: Version) {
        let (bytes, version) = try contents(path)
        do {
            return (try IntegritySigningKey(pem: String(decoding: bytes, as: UTF8.self)), version)
        } catch {
            throw Failure(path: path, reason: error.description)
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
