#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file of the spool (a segment, the state file or the lock file): positioned reads and writes that retry
/// short transfers and interrupted calls, and report failures as `SpoolError` values. Closed when released.
final class SpoolFile {
    /// The path the file was opened at, for messages.
    let path: String
    private let descriptor: Int32

    deinit {
        close(descriptor)
    }

    /// Opens `path` for reading and writing; `create` makes it (mode 0600) when missing, `exclusive` fails if it
    /// exists, `truncate` empties it.
    init(
        opening path: String,
        create: Bool = false,
        exclusive: Bool = false,
        truncate: Bool = false
    ) throws(SpoolError) {
        var flags = O_RDWR | O_CLOEXEC
        if create { flags |= O_CREAT }
        if exclusive { flags |= O_EXCL }
        if truncate { flags |= O_TRUNC }
        let descriptor = retryingInterrupts { open(path, flags, 0o600) }
        guard descriptor >= 0 else { throw SpoolFile.failure("open", path) }
        self.path = path
        self.descriptor = descriptor
        try ownerOnly()
    }

    /// Narrows the file to mode 0600 if others (or the group) may read or write it: the spool holds intercepted
    /// traffic.
    private func ownerOnly() throws(SpoolError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SpoolFile.failure("fstat", path) }
        guard status.st_mode & 0o7177 != 0 else { return }
        guard fchmod(descriptor, 0o600) == 0 else { throw SpoolFile.failure("chmod 0600", path) }
    }

    /// Bytes an unprivileged writer may still use on the file's file system; nil when the system cannot tell.
    func availableBytes() -> Int64? {
        var info = statvfs()
        guard fstatvfs(descriptor, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// The file's size in bytes.
    func size() throws(SpoolError) -> Int64 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SpoolFile.failure("fstat", path) }
        return Int64(status.st_size)
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the file. Returns the count read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(SpoolError) -> Int {
        var done = 0
        while done < buffer.count {
            let count = retryingInterrupts {
                pread(
                    descriptor,
                    buffer.baseAddress.map { $0 + done },
                    buffer.count - done,
                    off_t(offset) + off_t(done)
                )
            }
            guard count >= 0 else { throw SpoolFile.failure("pread", path) }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func readBytes(count: Int, at offset: Int64) throws(SpoolError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let result = bytes.withUnsafeMutableBytes { raw in
            Result { () throws(SpoolError) in try read(into: raw, at: offset) }
        }
        bytes.removeLast(count - (try result.get()))
        return bytes
    }

    /// Writes `bytes` at `offset`.
    func write(_ bytes: [UInt8], at offset: Int64) throws(SpoolError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(SpoolError) in try write(raw, UnsafeRawBufferPointer(start: nil, count: 0), at: offset) }
        }
        try result.get()
    }

    /// Writes `header` then `payload` at `offset` in one call where the kernel allows, retrying short writes.
    func write(_ header: UnsafeRawBufferPointer, _ payload: UnsafeRawBufferPointer, at offset: Int64) throws(SpoolError)
    {
        var pieces = (header, payload)
        var position = off_t(offset)
        while pieces.0.count + pieces.1.count > 0 {
            var vectors = (
                iovec(iov_base: UnsafeMutableRawPointer(mutating: pieces.0.baseAddress), iov_len: pieces.0.count),
                iovec(iov_base: UnsafeMutableRawPointer(mutating: pieces.1.baseAddress), iov_len: pieces.1.count)
            )
            let written = withUnsafeMutableBytes(of: &vectors) { raw in
                retryingInterrupts {
                    pwritev(descriptor, raw.baseAddress?.assumingMemoryBound(to: iovec.self), 2, position)
                }
            }
            guard written > 0 else { throw SpoolFile.failure("pwrite", path) }
            position += off_t(written)
            let fromHeader = min(written, pieces.0.count)
            pieces.0 = UnsafeRawBufferPointer(rebasing: pieces.0[fromHeader...])
            pieces.1 = UnsafeRawBufferPointer(rebasing: pieces.1[(written - fromHeader)...])
        }
    }

    /// Flushes the file's data to the disk.
    func sync() throws(SpoolError) {
        guard retryingInterrupts({ fsync(descriptor) }) == 0 else { throw SpoolFile.failure("fsync", path) }
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int64) throws(SpoolError) {
        guard retryingInterrupts({ ftruncate(descriptor, off_t(length)) }) == 0 else {
            throw SpoolFile.failure("ftruncate", path)
        }
    }

    /// Takes an exclusive advisory lock on the file without waiting; false when another open file holds it.
    func tryLock() throws(SpoolError) -> Bool {
        if retryingInterrupts({ flock(descriptor, LOCK_EX | LOCK_NB) }) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw SpoolFile.failure("flock", path)
    }

    /// An error naming the failed call, the path and the current errno: `.diskFull` when the file system is out
    /// of space or quota, `.io` otherwise.
    static func failure(_ call: String, _ path: String) -> SpoolError {
        let code = errno
        let kind: SpoolError.Code = code == ENOSPC || code == EDQUOT ? .diskFull : .io
        return SpoolError(kind, "\(call) \(path): \(String(cString: strerror(code))) (errno \(code))")
    }
}

/// Runs a system call again while it fails with EINTR.
func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}
