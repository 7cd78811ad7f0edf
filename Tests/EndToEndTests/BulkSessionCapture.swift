import TestSupport

/// A capture of one RADIUS-accounted session of user `dana` (100.64.3.3, Acct-Session-Id DANA-1) with `packets` UDP
/// datagrams of `payloadBytes` each, `spacingMicros` apart, between its Accounting Start and Stop: enough records
/// to fill a small spool. The warrant for `dana` gives 2 IRIs (BEGIN, END) and `packets` CCs.
struct BulkSessionCapture {
    /// The RADIUS accounting server the capture's NAS talks to.
    static let radiusServer = "192.0.2.2:1813"

    /// Writes the capture to `path`.
    static func write(to path: String, packets: Int, payloadBytes: Int = 1000, spacingMicros: Int64 = 1000) throws {
        let nas: [UInt8] = [192, 0, 2, 9]
        let server: [UInt8] = [192, 0, 2, 2]
        let dana: [UInt8] = [100, 64, 3, 3]
        var capture = CraftedCapture()
        func accounting(_ status: UInt32) {
            let message = CraftedCapture.radius(
                code: 4,
                identifier: UInt8(status),
                attributes: [
                    (1, Array("dana".utf8)), (40, CraftedCapture.u32(status)), (44, Array("DANA-1".utf8)), (8, dana),
                ]
            )
            capture.add(
                ipPacket: CraftedCapture.ipv4(
                    from: nas,
                    to: server,
                    protocol: 17,
                    payload: CraftedCapture.udp(sourcePort: 4001, destinationPort: 1813, payload: message)
                )
            )
        }
        accounting(1)
        let payload = [UInt8](repeating: 0x5A, count: payloadBytes)
        for _ in 0..<packets {
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
        accounting(2)
        try capture.write(to: path)
    }
}
