import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A unix datagram socket bound to an abstract name, standing in for systemd's notification socket: what the
/// appliance sends to `$NOTIFY_SOCKET` arrives here, one datagram per state change.
public final class NotifySocket: @unchecked Sendable {
    // Safe: `messages` is only touched under `lock`; the descriptor is read by one thread.
    private let descriptor: Int32
    private let lock = NSLock()
    private var messages: [String] = []
    private var closed = false
    private let reader = DispatchGroup()

    /// The value for `NOTIFY_SOCKET`: `@` and the abstract name.
    public let environmentValue: String

    /// Binds a fresh abstract name and starts collecting datagrams.
    public init() throws {
        let name = "openli-notify-\(UUID().uuidString)"
        environmentValue = "@" + name
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = [UInt8(0)] + Array(name.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            Glibc.close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var wake = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wake, socklen_t(MemoryLayout<timeval>.size))
        reader.enter()
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                lock.lock()
                if count > 0 { messages.append(String(decoding: buffer.prefix(count), as: UTF8.self)) }
                let done = closed
                lock.unlock()
                if done { break }
            }
            reader.leave()
        }
    }

    /// The datagrams received so far, in order.
    public var received: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }

    /// Waits (at most `timeout` seconds) until a datagram holds the line `state`, counting from datagram `after`;
    /// returns its index.
    public func wait(for state: String, after: Int = 0, timeout: TimeInterval = 30) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let all = received
            if let index = all.indices.dropFirst(after).first(where: {
                all[$0].split(separator: "\n").contains { $0 == state }
            }) {
                return index
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    /// Stops collecting and closes the socket.
    public func close() {
        lock.lock()
        closed = true
        lock.unlock()
        reader.wait()
        Glibc.close(descriptor)
    }
}
