import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client for tests that play the appliance towards an LEMF on 127.0.0.1: sends octets and reads
/// the answer (keep-alive responses) until enough has come, the peer closes, or the timeout passes.
public enum LoopbackClient {
    /// Connects to 127.0.0.1:`port`, sends `octets`, reads until `expecting` octets came back (or the end, or
    /// `timeout` seconds), closes, and returns what came back.
    public static func exchange(
        port: Int,
        sending octets: [UInt8],
        expecting: Int,
        timeout: TimeInterval = 10
    ) throws -> [UInt8] {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw POSIXError(.ECONNREFUSED) }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var offset = 0
        while offset < octets.count {
            let sent = octets[offset...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { throw POSIXError(.EPIPE) }
            offset += sent
        }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while received.count < expecting {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            received += chunk[0..<count]
        }
        return received
    }
}
