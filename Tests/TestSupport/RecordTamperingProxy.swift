import ETSI
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A plaintext TCP forwarder on 127.0.0.1 between a sender (the appliance, or a test) and an LEMF, that makes the
/// faults integrity checks must reveal: it splits what the sender sends into PS-PDUs
/// (``ETSI/PSPDUReader/recordLength(in:lenient:)``) and flips one octet of the Nth record, or drops the Nth record.
/// Every other octet, both ways (keep-alive responses included), passes unchanged.
///
/// Records are counted from 1 over all the proxy's connections, only those `counting` accepts (by their lenient
/// summary, nil when even that cannot be read; by default every record but keep-alives, whose loss would drop the
/// connection). To use it between the appliance and the built-in LEMF:
///
/// ```swift
/// let lemf = try LEMFProcess(appliance: appliance)            // or a LEMFServer in-process
/// let proxy = try RecordTamperingProxy(targetPort: lemf.port, fault: .drop(record: 5))
/// // give the agency HI2 and HI3 addresses 127.0.0.1:\(proxy.port) (one proxy for both, or one each)
/// // ... run, then: proxy.tampered names the LIID and sequence number of what was changed
/// proxy.close()
/// ```
///
/// With several connections the order in which their records are counted depends on timing: count only one kind
/// (e.g. `{ $0?.kind == .cc }`) or give each handover its own proxy when the test needs a particular record. TLS
/// cannot be tampered with this way (a flipped octet is a TLS error, not a record fault).
public final class RecordTamperingProxy: @unchecked Sendable {
    // Safe: the mutable state is only touched under `lock`; each connection's descriptors belong to its two threads
    // until `close()` shuts them down.
    /// What the proxy does to the Nth counted record.
    public enum Fault: Sendable, Equatable {
        /// Nothing: a plain forwarder.
        case none
        /// Inverts the octet `offsetFromEnd` octets before the end of the Nth record (1: its last octet, which in an
        /// IPCC record is packet data, so the record stays DER).
        case flip(record: Int, offsetFromEnd: Int = 1)
        /// Does not forward the Nth record.
        case drop(record: Int)
    }

    /// The port the proxy listens on.
    public let port: Int
    private let targetPort: Int
    private let fault: Fault
    private let counting: @Sendable (PSPDUSummary?) -> Bool
    private let listener: Int32
    private let lock = NSLock()
    private let threads = DispatchGroup()
    private var counted = 0
    private var changed: [PSPDUSummary?] = []
    private var descriptors: Set<Int32> = []
    private var closed = false

    /// Listens on 127.0.0.1 (any free port) and forwards each accepted connection to 127.0.0.1:`targetPort`.
    public init(
        targetPort: Int,
        fault: Fault,
        counting: @escaping @Sendable (PSPDUSummary?) -> Bool = { $0?.triMessage != .keepAlive }
    ) throws {
        self.targetPort = targetPort
        self.fault = fault
        self.counting = counting
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 16) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        threads.enter()
        Thread.detachNewThread { [self] in
            acceptLoop()
            threads.leave()
        }
    }

    /// The records changed or dropped so far (their lenient summaries, as received), in order.
    public var tampered: [PSPDUSummary?] {
        lock.lock()
        defer { lock.unlock() }
        return changed
    }

    /// Stops listening, cuts every connection and waits for the proxy's threads.
    public func close() {
        lock.lock()
        closed = true
        let open = descriptors
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        for descriptor in open { shutdown(descriptor, Int32(SHUT_RDWR)) }
        threads.wait()
        Glibc.close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    upstream >= 0 && connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            lock.lock()
            let accepted = connected && !closed
            if accepted { descriptors.formUnion([client, upstream]) }
            lock.unlock()
            guard accepted else {
                Glibc.close(client)
                if upstream >= 0 { Glibc.close(upstream) }
                continue
            }
            let pair = DispatchGroup()
            for (from, to, splits) in [(client, upstream, true), (upstream, client, false)] {
                pair.enter()
                threads.enter()
                Thread.detachNewThread { [self] in
                    forward(from: from, to: to, splittingRecords: splits)
                    pair.leave()
                    threads.leave()
                }
            }
            threads.enter()
            pair.notify(queue: .global()) { [self] in
                lock.lock()
                descriptors.subtract([client, upstream])
                lock.unlock()
                Glibc.close(client)
                Glibc.close(upstream)
                threads.leave()
            }
        }
    }

    /// Copies `from` to `to` until the end of `from`, then ends `to`'s direction; records are tampered with on the
    /// way when `splittingRecords`.
    private func forward(from: Int32, to: Int32, splittingRecords: Bool) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var framing = splittingRecords
        var open = true
        while open {
            let count = recv(from, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            buffer += chunk[0..<count]
            while framing, open, !buffer.isEmpty {
                let framed = buffer.withUnsafeBytes { bytes in
                    Result { () throws(DERError) in try PSPDUReader.recordLength(in: bytes) }
                }
                guard case .success(let length) = framed else {
                    framing = false
                    break
                }
                guard let length else { break }
                let record = Array(buffer[0..<length])
                buffer.removeFirst(length)
                if let passed = tamper(record) { open = Self.send(passed, to: to) }
            }
            if open, !framing {
                open = Self.send(buffer, to: to)
                buffer = []
            }
        }
        if open { _ = Self.send(buffer, to: to) }
        shutdown(to, Int32(SHUT_WR))
        if !open { shutdown(from, Int32(SHUT_RDWR)) }
    }

    /// The record to forward (changed or not), or nil to drop it.
    private func tamper(_ record: [UInt8]) -> [UInt8]? {
        let summary = record.withUnsafeBytes { try? PSPDUReader.summarize($0, lenient: true) }
        guard counting(summary) else { return record }
        lock.lock()
        defer { lock.unlock() }
        counted += 1
        switch fault {
        case .none:
            return record
        case .drop(let number) where number == counted:
            changed.append(summary)
            return nil
        case .flip(let number, let offset) where number == counted && offset >= 1 && offset <= record.count:
            changed.append(summary)
            var altered = record
            altered[record.count - offset] ^= 0xFF
            return altered
        case .drop, .flip:
            return record
        }
    }

    private static func send(_ octets: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < octets.count {
            let sent = octets[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        return address
    }
}
