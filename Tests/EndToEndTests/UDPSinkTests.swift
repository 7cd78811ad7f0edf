import Foundation
import TestSupport
import Testing

/// UDP sinks while `run --interface lo` captures: a raw sink bound to a warrant and a JMirror sink that accepts one
/// sender, fed by real sockets; the LEMF receives exactly the raw datagrams (the warrant's session id as CIN, the
/// sink's direction) and the JMirror datagrams of the warrant's id from the accepted sender.
@Suite(.serialized)
struct UDPSinkTests {
    /// Prints two free UDP ports on 127.0.88.1.
    static let portFinder = """
        import socket
        sockets = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
        for s in sockets:
            s.bind(("127.0.88.1", 0))
        print(" ".join(str(s.getsockname()[1]) for s in sockets))
        """

    /// Sends, from 127.0.88.9, 100 raw IPv4/UDP packets of the target 198.51.100.80 to the raw sink; 60 JMirror
    /// datagrams of id 4242 (sessions 0x51 and 0x52), 40 of id 4243 and 5 header-only ones to the JMirror sink; and,
    /// from 127.0.88.10 (not the accepted source), 10 more of id 4242.
    static func sender(rawPort: Int, mirrorPort: Int) -> String {
        """
        import socket, struct, time

        def ipv4_udp(src, dst, payload):
            length = 28 + len(payload)
            header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, length, 1, 0, 64, 17, 0,
                                 socket.inet_aton(src), socket.inet_aton(dst))
            return header + struct.pack("!HHHH", 40000, 53, 8 + len(payload), 0) + payload

        good = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        good.bind(("127.0.88.9", 0))
        other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        other.bind(("127.0.88.10", 0))
        raw = ("127.0.88.1", \(rawPort))
        mirror = ("127.0.88.1", \(mirrorPort))
        for i in range(100):
            good.sendto(ipv4_udp("198.51.100.80", "203.0.113.5", b"r" * 64), raw)
            time.sleep(0.001)
        for i in range(60):
            session = 0x51 if i < 40 else 0x52
            good.sendto(struct.pack("!II", 4242, session) + ipv4_udp("198.51.100.81", "203.0.113.6", b"m" * 64), mirror)
            time.sleep(0.001)
        for i in range(40):
            good.sendto(struct.pack("!II", 4243, 0x53) + ipv4_udp("198.51.100.82", "203.0.113.6", b"n" * 64), mirror)
        for i in range(5):
            good.sendto(struct.pack("!II", 4242, 0x51), mirror)
        for i in range(10):
            other.sendto(struct.pack("!II", 4242, 0x51) + ipv4_udp("198.51.100.81", "203.0.113.6", b"o" * 64), mirror)
        """
    }

    @Test func theLEMFReceivesExactlyTheWarrantsDatagrams() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let ports = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.portFinder])
        let numbers = ports.standardOutput.split(separator: " ").compactMap {
            Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try #require(numbers.count == 2, "ports: \(ports.standardOutput) \(ports.standardError)")
        let (rawPort, mirrorPort) = (numbers[0], numbers[1])
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        for command in [
            ["agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"],
            ["sink", "add", "127.0.88.1:\(rawPort)", "--encapsulation", "raw", "--direction", "from"],
            ["sink", "add", "127.0.88.1:\(mirrorPort)", "--encapsulation", "jmirror", "--source", "127.0.88.9"],
            [
                "warrant", "add", "ip", "SINK-RAW", "--agency", "LEA-A", "--sink", "127.0.88.1:\(rawPort)",
                "--session-id", "7", "--deliver", "cc",
            ],
            [
                "warrant", "add", "ip", "SINK-JM", "--agency", "LEA-A", "--mirror-id", "4242", "--mirror-vendor",
                "jmirror", "--deliver", "cc",
            ],
        ] {
            let result = try appliance.run(command)
            #expect(result.status == 0, "\(command): \(result.standardError)")
        }
        let run = try BackgroundProcess(
            appliance.path,
            [
                "run", "--interface", "lo", "--retry", "1", "--db", appliance.databasePath, "--spool",
                appliance.spoolDirectory, "--sink-buffer", "4",
            ]
        )
        #expect(run.waitForError("HI3") != nil, "run: \(run.standardError)")
        Thread.sleep(forTimeInterval: 1)
        let script = appliance.directory + "/send.py"
        try Self.sender(rawPort: rawPort, mirrorPort: mirrorPort).write(
            toFile: script,
            atomically: true,
            encoding: .utf8
        )
        let sent = try ProcessRunner.run("/usr/bin/env", ["python3", script])
        #expect(sent.status == 0, "sender: \(sent.standardError)")
        Thread.sleep(forTimeInterval: 1.5)
        let status = try appliance.run(["status"])
        #expect(
            status.standardOutput.contains(
                "127.0.88.1:\(mirrorPort) jmirror: 115 received, 60 intercepted, 10 from another source"
            ),
            "status: \(status.standardOutput)"
        )
        #expect(run.interrupt() == 0, "run: \(run.standardError)")
        #expect(
            run.standardError.contains("127.0.88.1:\(rawPort) raw: 100 received, 100 intercepted"),
            "\(run.standardError)"
        )

        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" }
        let raw = records.filter { $0.liid == "SINK-RAW" }
        #expect(raw.count == 100 && raw.allSatisfy { $0.kind == "CC" && $0.cin == 7 && $0.direction == "fromTarget" })
        #expect(raw.allSatisfy { $0.ipContent?.count == 92 && $0.ipContent?.last == UInt8(ascii: "r") })
        let mirrored = records.filter { $0.liid == "SINK-JM" }
        #expect(mirrored.count == 60 && mirrored.allSatisfy { $0.direction == "indeterminate" })
        #expect(Dictionary(grouping: mirrored, by: \.cin).mapValues(\.count) == [0x51: 40, 0x52: 20])
        #expect(mirrored.allSatisfy { $0.ipContent?.last == UInt8(ascii: "m") })
        #expect(Set(records.map(\.liid)) == ["SINK-RAW", "SINK-JM"])
    }
}
