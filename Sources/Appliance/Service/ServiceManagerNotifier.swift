#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The service manager's notification socket (sd_notify(3) without libsystemd): each state (`READY=1`,
/// `WATCHDOG=1`, `RELOADING=1`, `STOPPING=1`, `STATUS=...`) is one datagram to the unix socket named in
/// `$NOTIFY_SOCKET`, a path or, starting with `@`, an abstract name.
public final class ServiceManagerNotifier: Sendable {
    private let descriptor: Int32
    private let address: [UInt8]

    /// The notifier `$NOTIFY_SOCKET` names, or nil when it names none (not started by systemd with `Type=notify`)
    /// or its socket cannot be made.
    public static func fromEnvironment() -> ServiceManagerNotifier? {
        guard let value = getenv("NOTIFY_SOCKET") else { return nil }
        return ServiceManagerNotifier(socketName: String(cString: value))
    }

    /// A notifier sending to the unix datagram socket `socketName` (a path, or `@` and an abstract name); nil when
    /// the name is empty or too long, or no socket can be made.
    public init?(socketName: String) {
        var name = Array(socketName.utf8)
        guard let first = name.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "@") else { return nil }
        if first == UInt8(ascii: "@") { name[0] = 0 }
        guard name.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else { return nil }
        #if canImport(Glibc)
        let type = Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_DGRAM | SOCK_CLOEXEC
        #endif
        let descriptor = socket(AF_UNIX, type, 0)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        address = name
    }

    deinit {
        close(descriptor)
    }

    /// The watchdog interval the manager expects pings within (`$WATCHDOG_USEC`, for this process when
    /// `$WATCHDOG_PID` names another), in microseconds; nil without a watchdog.
    public static func watchdogMicros() -> UInt64? {
        if let pid = getenv("WATCHDOG_PID"), Int32(String(cString: pid)) != getpid() { return nil }
        guard let text = getenv("WATCHDOG_USEC"), let micros = UInt64(String(cString: text)), micros > 0 else {
            return nil
        }
        return micros
    }

    /// Sends `state` (newline-separated assignments); returns whether the datagram went out.
    @discardableResult
    public func send(_ state: String) -> Bool {
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { path in
            path.copyBytes(from: address)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + address.count)
        let bytes = Array(state.utf8)
        let sent = withUnsafePointer(to: &socketAddress) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bytes.withUnsafeBytes {
                    sendto(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), generic, length)
                }
            }
        }
        return sent == bytes.count
    }
}
