import TestSupport

/// Captures of one RADIUS-accounted session of user `dana` (100.64.3.3, Acct-Session-Id DANA-1, NAS 192.0.2.9,
/// accounting server 192.0.2.2:1813) and its UDP datagrams. A warrant for `dana` gives an IRI per accounting
/// message and a CC per datagram.
enum BulkSessionCapture {
    /// The RADIUS accounting server the capture's NAS talks to.
    static let radiusServer = "192.0.2.2:1813"
    static let dana: [UInt8] = [100, 64, 3, 3]

    /// Writes a capture of Accounting Start, `packets` datagrams of `payloadBytes` each, `spacingMicros` apart, and
    /// Accounting Stop to `path`: 2 IRIs (BEGIN, END) and `packets` CCs, enough to fill a small spool.
    static func write(to path: String, packets: Int, payloadBytes: Int = 1000, spacingMicros: Int64 = 1000) throws {
        var capture = CraftedCapture()
        accounting(1, into: &capture)
        traffic(packets, payloadBytes: payloadBytes, spacingMicros: spacingMicros, into: &capture)
        accounting(2, into: &capture)
        try capture.write(to: path)
    }

    /// Adds an Accounting-Request of dana's session with Acct-Status-Type `status` (1 start, 2 stop, 3 interim).
    static func accounting(_ status: UInt32, into capture: inout CraftedCapture) {
        let message = CraftedCapture.radius(
            code: 4,
            identifier: UInt8(status),
            attributes: [
                (1, Array("dana".utf8)), (40, CraftedCapture.u32(status)), (44, Array("DANA-1".utf8)), (8, dana),
            ]
        )
        capture.add(
            ipPacket: CraftedCapture.ipv4(
                from: [192, 0, 2, 9],
                to: [192, 0, 2, 2],
                protocol: 17,
                payload: CraftedCapture.udp(sourcePort: 4001, destinationPort: 1813, payload: message)
            )
        )
    }

    /// Adds `count` UDP datagrams of `payloadBytes` from dana to 198.18.0.1, `spacingMicros` apart.
    static func traffic(
        _ count: Int,
        payloadBytes: Int = 1,
        spacingMicros: Int64 = 1000,
        into capture: inout CraftedCapture
    ) {
        let payload = [UInt8](repeating: 0x5A, count: payloadBytes)
        for _ in 0..<count {
            capture.timeMicros += spacingMicros - 1000
            capture.add(
                ipPacket: CraftedCapture.ipv4(
                    from: dana,
                    to: [198, 18, 0, 1],
                    protocol: 17,
                    payload: CraftedCapture.udp(sourcePort: 5000, destinationPort: 9, payload: payload)
                )
            )
        }
    }
}
