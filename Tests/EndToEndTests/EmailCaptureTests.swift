import Crypto
import Foundation
import TestSupport
import Testing

/// The SMTP, IMAP and POP3 captures through the built binary, configured from their JSON with the CLI, delivered
/// over real sockets to the independent decoder acting as the LEMF: per LIID the IRI events in order, one EmailCC
/// per message with the message's exact bytes, nothing from the sessions that concern no target. Each warrant is
/// doubled by one delivering to `openli-appliance lemf`, which must receive the same records, numbered without gaps.
@Suite(.serialized)
struct EmailCaptureTests {
    @Test(arguments: ["smtp-session", "imap-session", "pop3-session"])
    func captureDeliversTheTargetsMailEvents(name: String) throws {
        let scenario = try EmailScenario(name)
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        let builtIn = try LEMFProcess(appliance: appliance)
        let builtInEndpoint = "127.0.0.1:\(builtIn.port)"
        let added = try appliance.run(
            [
                "agency", "add", "LEMF", "--hi2", builtInEndpoint, "--hi3", builtInEndpoint, "--plaintext", "--country",
                "NZ",
            ])
        #expect(added.status == 0, "agency add: \(added.standardError)")
        for agency in scenario.agencies {
            let added = try appliance.run(
                ["agency", "add", agency, "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"])
            #expect(added.status == 0, "agency add: \(added.standardError)")
        }
        for (kind, server) in scenario.servers {
            let added = try appliance.run(["server", "add", kind, server])
            #expect(added.status == 0, "server add: \(added.standardError)")
        }
        for warrant in scenario.warrants {
            let added = try appliance.run(
                ["warrant", "add", "email", warrant.liid, "--agency", warrant.agency, "--address", warrant.address])
            #expect(added.status == 0, "warrant add: \(added.standardError)")
            let doubled = try appliance.run(
                ["warrant", "add", "email", warrant.liid + "-L", "--agency", "LEMF", "--address", warrant.address])
            #expect(doubled.status == 0, "warrant add: \(doubled.standardError)")
        }
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--retry", "1"])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("  mail "), "summary: \(run.standardError)")

        let (json, log) = lemf.finish(closedConnections: 2 * scenario.agencies.count)
        let builtInRecords = builtIn.records()
        #expect(builtIn.stop().status == 0)
        let streams = completeStreams(builtInRecords)
        #expect(streams.gapless, "openli-appliance lemf: \(builtInRecords)")
        #expect(!log.contains("CHECK FAILED"), "record-check: \(log)")
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" }
        #expect(Set(records.map(\.liid)).isSubset(of: Set(scenario.warrants.map(\.liid))))
        #expect(streams.iris + streams.ccs == records.count, "both receivers got the same number of records")
        for warrant in scenario.warrants {
            let expected = try #require(scenario.expected[warrant.liid])
            let mine = records.filter { $0.liid == warrant.liid }
            let iris = mine.filter { $0.kind == "IRI" }.sorted { $0.sequence < $1.sequence }
            let ccs = mine.filter { $0.kind == "CC" }.sorted { $0.sequence < $1.sequence }
            Self.expectEvents(iris, expected.events, liid: warrant.liid)
            #expect(iris.allSatisfy { expected.clientPorts.contains($0.emailClientPort ?? -1) }, "sessions concerned")
            #expect(ccs.count == expected.messageCCs, "\(warrant.liid) EmailCCs")
            #expect(Set(mine.map(\.cin)).count == expected.clientPorts.count, "\(warrant.liid) CINs")
            let hashes = ccs.compactMap(\.emailContent).map {
                SHA256.hash(data: $0).map { String(format: "%02x", $0) }.joined()
            }
            #expect(hashes == expected.contentHashes || expected.contentHashes.isEmpty, "\(warrant.liid) content")
            #expect(!ccs.contains { Self.contains($0.emailContent ?? [], "-pw-2026") }, "a password was delivered")
            let received = builtInRecords.filter { $0.liid == warrant.liid + "-L" }
            #expect(received.filter { $0.kind == "IRI" }.count == iris.count, "lemf IRIs")
            #expect(received.filter { $0.kind == "CC" }.count == ccs.count, "lemf CCs")
        }
    }

    /// The IRIs' events must be the expected ones in order (optional ones may be missing), each of an allowed type.
    static func expectEvents(_ iris: [DecodedRecord], _ expected: [EmailScenario.Event], liid: String) {
        var position = 0
        for event in expected {
            guard position < iris.count, event.names.contains(iris[position].event ?? "") else {
                #expect(event.optional, "\(liid): \(event.names[0]) missing at \(position): \(iris.map(\.event))")
                continue
            }
            #expect(event.types.contains(iris[position].iriType ?? ""), "\(liid): \(event.names[0]) type")
            position += 1
        }
        #expect(position == iris.count, "\(liid): unexpected IRIs \(iris.dropFirst(position).map(\.event))")
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}
