#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the LEMF writes its JSON lines: a file (created or truncated, mode 0644) or standard output.
///
/// Lines are buffered and written when the buffer passes 64 KiB and at each ``flush()`` (the server flushes after
/// every read). Owned by the server's event loop; a write blocks that loop for as long as the file system takes.
final class LEMFOutputFile {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var pending: [UInt8] = []
    private var isOpen = true

    /// Opens `path` for writing, or standard output when `path` is nil.
    init(path: String?) throws(LEMFError) {
        guard let path else {
            descriptor = 1
            ownsDescriptor = false
            return
        }
        let opened = path.withCString { openForWriting($0) }
        guard opened >= 0 else {
            throw LEMFError(.usage, "--out \"\(path)\": \(String(cString: strerror(errno)))")
        }
        descriptor = opened
        ownsDescriptor = true
        pending.reserveCapacity(1 << 16)
    }

    /// Queues `line` and a newline; returns false when a write failed.
    func write(line: String) -> Bool {
        pending.append(contentsOf: line.utf8)
        pending.append(0x0A)
        return pending.count >= 1 << 16 ? flush() : true
    }

    /// Writes whatever is queued; returns false when the write failed (what was queued is dropped).
    @discardableResult
    func flush() -> Bool {
        guard isOpen, !pending.isEmpty else {
            return true
        }
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
        }
        return true
    }

    /// Flushes and closes the file (standard output stays open).
    @discardableResult
    func close() -> Bool {
        let flushed = flush()
        if isOpen && ownsDescriptor {
            closeDescriptor(descriptor)
        }
        isOpen = false
        return flushed
    }
}

private func openForWriting(_ path: UnsafePointer<CChar>) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
}

private func writeOctets(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    write(descriptor, bytes.baseAddress, bytes.count)
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
