import Foundation
import TestSupport
import Testing

/// A keep-alive response acknowledges the spool only when it answers the outstanding keep-alive octet for octet;
/// a wrong sequence number, another LIID, another header field or a non-minimal length is a protocol error that
/// drops the connection and acknowledges nothing.
@Suite(.serialized)
struct KeepAliveMatchTests {
    /// How the receiver spoils its answer (Python code that changes the bytearray `r`, the correct response).
    static let corruptions: [(name: String, code: String)] = [
        ("wrong sequence number", "r[seq] ^= 0x01"),
        ("another LIID", "i = r.find(b'LEA-A'); r[i + 2] = ord('X')"),
        ("another country code", "i = r.find(b'NZ'); r[i] = ord('A')"),
        ("non-minimal length", "r[0:2] = bytes([0x30, 0x81, r[1]])"),
    ]

    /// A receiver that answers every keep-alive with its response spoiled by `corruption`.
    func spoilingReceiver(_ corruption: String) throws -> BackgroundProcess {
        try BackgroundProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import socket, sys, threading
                def element(b, start):
                    if len(b) < start + 2: return None
                    n = b[start + 1]; head = 2
                    if n & 0x80:
                        k = n & 0x7f
                        if len(b) < start + 2 + k: return None
                        n = int.from_bytes(b[start + 2:start + 2 + k], 'big'); head = 2 + k
                    return b[start], start + head, start + head + n
                def children(b, start, end):
                    while start < end:
                        tag, v, e = element(b, start)
                        yield tag, v, e
                        start = e
                def serve(c):
                    data = b''
                    while True:
                        chunk = c.recv(65536)
                        if not chunk: return
                        data += chunk
                        while True:
                            found = element(data, 0)
                            if found is None or found[2] > len(data): break
                            pdu, data = bytearray(data[:found[2]]), data[found[2]:]
                            if not pdu.endswith(b'\\xa2\\x04\\xa2\\x02\\x83\\x00'): continue
                            r = pdu[:-2] + b'\\x84\\x00'
                            _, v, e = element(r, 0)
                            _, hv, he = element(r, v)
                            seq = [cv for t, cv, ce in children(r, hv, he) if t == 0x84][0]
                            \(corruption)
                            print("spoiler: answered a keep-alive", file=sys.stderr, flush=True)
                            c.sendall(bytes(r))
                s = socket.create_server(("127.0.0.1", 0))
                print("spoiler: listening on 127.0.0.1:%d" % s.getsockname()[1], file=sys.stderr, flush=True)
                while True:
                    c, _ = s.accept()
                    threading.Thread(target=serve, args=(c,), daemon=True).start()
                """,
            ]
        )
    }

    @Test(arguments: corruptions.map(\.name))
    func aResponseThatDoesNotAnswerTheKeepAliveAcknowledgesNothing(_ name: String) throws {
        let corruption = try #require(Self.corruptions.first { $0.name == name }).code
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let receiver = try spoilingReceiver(corruption)
        defer { receiver.crash() }
        let port = try #require(receiver.waitForError(#"listening on [^ ]+:(\d+)"#).flatMap { Int($0) })
        let scenario = try CaptureScenario("radius-basic")
        try E2ESetup.addPlaintextAgency(appliance, port: port, keepalive: 2)
        try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        try appliance.run(["warrant", "add", "ip", "SHR-RB-ALICE", "--agency", "LEA-A", "--user", "alice"])
        let run = try appliance.run([
            "run", "--pcap", scenario.pcapPath, "--retry", "1", "--drain-timeout", "3",
        ])
        #expect(run.status == 3, "run: \(run.standardError)")
        #expect(receiver.standardError.contains("answered a keep-alive"))
        #expect(run.standardError.contains("protocol error: a keep-alive response that does not answer"))
        #expect(run.standardError.contains("UNDELIVERED  4 records for LEA-A HI2"))
        #expect(run.standardError.contains("UNDELIVERED  72 records for LEA-A HI3"))
        #expect(!run.standardError.contains(" 1 acknowledged") && run.standardError.contains(" 0 acknowledged"))
    }
}
