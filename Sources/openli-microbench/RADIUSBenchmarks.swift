import Packets
import Protocols

/// `parse-radius-accounting`: ``RADIUSParser/parse(_:)`` of an Accounting-Request Start as a broadband network
/// gateway sends it when a subscriber's session opens.
///
/// The message carries 11 attributes: User-Name, NAS-IP-Address, NAS-Port, Framed-IP-Address,
/// Called-Station-Id, Calling-Station-Id, NAS-Identifier, Acct-Status-Type (Start), Acct-Session-Id, NAS-Port-Id
/// and Event-Timestamp (which the parser skips). The ring holds 16 subscribers' messages.
enum RADIUSBenchmarks {
    /// The RADIUS benchmark.
    static var all: [Benchmark] {
        [
            Benchmark(name: "parse-radius-accounting") { () throws(MicrobenchError) in
                try loop()
            }
        ]
    }

    /// The Accounting-Request Start of subscriber `index`.
    private static func accountingStart(_ index: Int) -> [UInt8] {
        let attributes: [(UInt8, [UInt8])] = [
            (1, Array("sub\(FixedWidth.decimal(index, digits: 6))@isp.example".utf8)),
            (4, FrameBuilder.bigEndian(UInt32(0xAC10_0001))),
            (5, FrameBuilder.bigEndian(UInt32(10_000 + index))),
            (8, FrameBuilder.bigEndian(0x6440_0000 + UInt32(index) * 3)),
            (30, Array("00-11-22-33-44-55:internet".utf8)),
            (31, Array("02-00-5e-10-\(FixedWidth.hex(UInt64(index), digits: 4))".utf8)),
            (32, Array("bng-akl-01".utf8)),
            (40, FrameBuilder.bigEndian(UInt32(1))),
            (44, Array(FixedWidth.hex(0x5E3A_0000_0000 + UInt64(index), digits: 16).utf8)),
            (87, Array("ge-0/0/1.\(FixedWidth.decimal(100 + index, digits: 4))".utf8)),
            (55, FrameBuilder.bigEndian(UInt32(1_767_225_600 + index))),
        ]
        var body: [UInt8] = []
        for (type, value) in attributes {
            body += [type, UInt8(value.count + 2)] + value
        }
        let length = UInt16(20 + body.count)
        let authenticator = (0..<16).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ index) }
        return [4, UInt8(truncatingIfNeeded: index)] + FrameBuilder.bigEndian(length) + authenticator + body
    }

    private static func loop() throws(MicrobenchError) -> Benchmark.Loop {
        let ring = try InputRing((0..<16).map(accountingStart), name: "parse-radius-accounting")
        let parsed = ring.withView { view in
            (0..<ring.count).compactMap { index in try? RADIUSParser.parse(view[index]) }
        }
        guard parsed.count == ring.count,
            parsed.allSatisfy({ $0.acctStatusType == .start && $0.framedIPAddress != nil && $0.acctSessionID != nil })
        else {
            throw MicrobenchError("parse-radius-accounting: a message does not parse as an Accounting-Request Start")
        }
        return { iterations in
            ring.withView { view in
                var checksum: UInt64 = 0
                for iteration in 0..<iterations {
                    if let message = try? RADIUSParser.parse(view[iteration]) {
                        checksum &+= (message.framedIPAddress?.low ?? 0) &+ UInt64(message.userName?.utf8.count ?? 0)
                    }
                }
                return checksum
            }
        }
    }
}
