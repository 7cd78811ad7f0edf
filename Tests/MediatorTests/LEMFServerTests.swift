import ETSI
import Foundation
import Mediator
import TestSupport
import Testing

@Suite("LEMF server over plaintext sockets", .serialized)
struct LEMFServerTests {

    private static func start(outputPath: String) async throws -> LEMFServer {
        try await LEMFServer.start(
            LEMFServerConfiguration(listen: LEMFListenAddress(host: "127.0.0.1", port: 0), outputPath: outputPath)
        ) { _ in }
    }

    @Test("golden stream and keep-alive: the keep-aliveResponse comes back and the summary counts right")
    func goldenStream() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let output = scratch.file("lemf.jsonl")
        let server = try await Self.start(outputPath: output)
        #expect(server.boundAddress.port != 0)
        #expect(!server.usesTLS)
        let stream = try VectorFiles.bytes("stream-ipaccess.der")
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let expected = try VectorFiles.bytes("keepalive-response.der")
        let outcome = try await LEMFTestClient.exchange(
            port: server.boundAddress.port,
            sending: stream + keepAlive,
            expecting: expected.count
        )
        #expect(outcome.received == expected)
        let again = try await LEMFTestClient.exchange(
            port: server.boundAddress.port,
            sending: Array(stream[290...]) + keepAlive,
            expecting: expected.count
        )
        #expect(again.received == expected)
        let summary = await server.stop()
        let counters = try #require(summary.liids["LIID-0001"])
        #expect(counters.records == 6)
        #expect(counters.iris[.begin] == 1)
        #expect(counters.iris[.end] == 2)
        #expect(counters.ccs == 1)
        #expect(counters.tris == 2)
        #expect(counters.cins == [7])
        #expect(counters.redeliveries == 1)
        #expect(counters.gaps == 0)
        #expect(summary.connections.count == 2)
        #expect(summary.connections.values.allSatisfy { $0.keepAlivesAnswered == 1 && !$0.tls })
        #expect(!summary.hasErrors)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix(#"{"connection":1,"liid":"LIID-0001","cin":7,"seq":0,"kind":"IRI""#) == true)
        #expect(lines.last?.contains(#""tri":"keep-alive""#) == true)
    }

    @Test("garbage closes the connection and is an error; the server goes on serving")
    func garbage() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let output = scratch.file("lemf.jsonl")
        let server = try await Self.start(outputPath: output)
        let outcome = try await LEMFTestClient.exchange(
            port: server.boundAddress.port,
            sending: Array("GET / HTTP/1.1\r\n\r\n".utf8),
            expecting: 1
        )
        #expect(outcome.received.isEmpty)
        let keepAlive = try VectorFiles.bytes("keepalive.der")
        let next = try await LEMFTestClient.exchange(
            port: server.boundAddress.port,
            sending: keepAlive,
            expecting: keepAlive.count
        )
        #expect(next.received.count == keepAlive.count)
        let summary = await server.stop()
        #expect(summary.brokenStreams == 1)
        #expect(summary.hasErrors)
    }

    @Test("a port already in use is a runtime error")
    func portInUse() async throws {
        let scratch = try ScratchDirectory(prefix: "lemf")
        let output = scratch.file("lemf.jsonl")
        let server = try await Self.start(outputPath: output)
        let taken = LEMFServerConfiguration(listen: server.boundAddress, outputPath: output)
        await #expect(throws: LEMFError.self) {
            _ = try await LEMFServer.start(taken) { _ in }
        }
        _ = await server.stop()
    }
}
