import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--out-der FILE`: every PS-PDU the LEMF receives, octet for octet as received (before any decryption), appended
/// to one file in the order the LEMF read them (records of several connections interleave, each whole).
/// `openli-appliance verify` reads such files.
///
/// The file is opened to append (created with mode 0600: it holds intercepted content) so that runs add to it.
/// Records are buffered and written at each ``flush()`` (the server flushes after every read) and when the buffer
/// passes 1 MiB, so a crash of the LEMF loses at most the records of the read in progress; the file is synced to
/// disk at most once a second while records arrive, and at ``close()``. Owned by the server's event loop.
final class LEMFRecordFile {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var isOpen = true
    private var lastSync = NIODeadline.now()
    private var unsynced = false

    /// Opens `path` to append.
    init(path: String) throws(LEMFError) {
        let opened = path.withCString { openForAppending($0) }
        guard opened >= 0 else {
            throw LEMFError(.usage, "--out-der \"\(path)\": \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        pending.reserveCapacity(1 << 20)
    }

    /// Queues one record; returns false when a write failed.
    func append(_ record: ArraySlice<UInt8>) -> Bool {
        pending.append(contentsOf: record)
        return pending.count >= 1 << 20 ? flush() : true
    }

    /// Writes what is queued, and syncs when the last sync is a second old; returns false when a write failed
    /// (what was queued is dropped).
    func flush() -> Bool {
        guard isOpen else { return true }
        defer { pending.removeAll(keepingCapacity: true) }
        var offset = 0
        while offset < pending.count {
            let written = pending[offset...].withUnsafeBytes { writeOctets(descriptor, $0) }
            if written < 0 && errno == EINTR {
                continue
            }
            guard written > 0 else {
                return false
            }
            offset += written
            unsynced = true
        }
        guard unsynced, NIODeadline.now() - lastSync >= .seconds(1) else { return true }
        return sync()
    }

    /// Flushes, syncs and closes the file.
    func close() -> Bool {
        guard isOpen else { return true }
        let written = flush()
        let synced = !unsynced || sync()
        closeDescriptor(descriptor)
        isOpen = false
        return written && synced
    }

    private func sync() -> Bool {
        lastSync = NIODeadline.now()
        unsynced = false
        return syncDescriptor(descriptor) == 0
    }
}

private func openForAppending(_ path: UnsafePointer<CChar>) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
}

private func writeOctets(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    write(descriptor, bytes.baseAddress, bytes.count)
}

private func syncDescriptor(_ descriptor: Int32) -> Int32 {
    fsync(descriptor)
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
