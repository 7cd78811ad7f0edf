import Foundation
import TestSupport
import Testing

/// Tests/Fixtures/captures/sip-call (sipp with real RTP) through the built binary, configured with the CLI, delivered
/// to the independent decoder: per LIID the IRIs, CCs and CINs that sip-call.json gives, nothing for the other call.
@Suite(.serialized)
struct SIPCallCaptureTests {
    static let etsiNames = [
        "IRI-BEGIN": "iRI-Begin", "IRI-CONTINUE": "iRI-Continue", "IRI-END": "iRI-End", "IRI-REPORT": "iRI-Report",
    ]

    /// What sip-call.json expects for one LIID.
    struct Expected {
        var target: String
        var agency: String
        var iriCount: Int
        var iriTypes: [String]
        var sipMessages: [String]
        var callIDs: [String]
        var ccTotal: Int
        var fromTarget: Int
        var toTarget: Int
        var cins: Int
    }

    @Test func sipCallDeliversExactlyTheTargetsRecords() throws {
        let pcap = PcapCaptures.path("sip-call.pcap")
        let data = try Data(contentsOf: URL(fileURLWithPath: PcapCaptures.path("sip-call.json")))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let expected = try Self.expectations(json)
        #expect(!expected.isEmpty)
        let servers = ((json["known_servers"] as? [String: Any])?["sip"] as? [[String: Any]] ?? []).map {
            "\($0["ip"] as? String ?? ""):\($0["port"] as? Int ?? 5060)"
        }
        let otherCalls = (json["non_target_calls"] as? [[String: Any]] ?? []).compactMap { $0["call_id"] as? String }
        #expect(!otherCalls.isEmpty)

        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        let agencies = Set(expected.values.map(\.agency)).sorted()
        for agency in agencies {
            let added = try appliance.run(
                ["agency", "add", agency, "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"])
            #expect(added.status == 0, "agency add: \(added.standardError)")
        }
        let server = try appliance.run(["server", "add", "sip"] + servers)
        #expect(server.status == 0, "server add sip: \(server.standardError)")
        for (liid, want) in expected.sorted(by: { $0.key < $1.key }) {
            let added = try appliance.run([
                "warrant", "add", "voip", liid, "--agency", want.agency, "--sip-uri", want.target, "--auth-cc", "NZ",
                "--delivery-cc", "NZ",
            ])
            #expect(added.status == 0, "warrant add voip: \(added.standardError)")
        }

        let run = try appliance.run(["run", "--pcap", pcap, "--retry", "1"])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("openli-appliance run: summary"), "run: \(run.standardError)")
        let (lines, log) = lemf.finish(closedConnections: 2 * agencies.count)
        #expect(!log.contains("CHECK FAILED"), "record-check: \(log)")
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let all = lines.compactMap(DecodedRecord.init)
        #expect(all.count == lines.count)
        let records = all.filter { $0.kind != "TRI" }
        #expect(Set(records.map(\.liid)).isSubset(of: Set(expected.keys)), "LIIDs \(Set(records.map(\.liid)))")
        let leaked = records.filter { otherCalls.contains($0.sipHeader("Call-ID", compact: "i") ?? "") }
        #expect(leaked.isEmpty, "\(leaked.count) IRIs of the non-target call")

        for (liid, want) in expected {
            let mine = records.filter { $0.liid == liid }
            let iris = mine.filter { $0.kind == "IRI" }.sorted { ($0.cin, $0.sequence) < ($1.cin, $1.sequence) }
            let ccs = mine.filter { $0.kind == "CC" }
            #expect(iris.count == want.iriCount, "\(liid) IRI count")
            #expect(iris.map(\.iriType) == want.iriTypes.map { Self.etsiNames[$0] }, "\(liid) IRI types")
            #expect(iris.map(\.sipSummary) == want.sipMessages.map(Optional.some), "\(liid) IRI SIP messages")
            #expect(
                iris.map { $0.sipHeader("Call-ID", compact: "i") } == want.callIDs.map(Optional.some),
                "\(liid) IRI Call-IDs"
            )
            #expect(ccs.count == want.ccTotal, "\(liid) CC count")
            #expect(ccs.filter { $0.direction == "fromTarget" }.count == want.fromTarget, "\(liid) fromTarget")
            #expect(ccs.filter { $0.direction == "toTarget" }.count == want.toTarget, "\(liid) toTarget")
            let frames = Set(ccs.map { "\($0.frameType ?? "none")/\($0.mediaProtocol ?? "none")" })
            #expect(frames.isSubset(of: ["ipFrame/rTP"]), "\(liid) CC frameType/mMCCprotocol \(frames)")
            #expect(Set(mine.map(\.cin)).count == want.cins, "\(liid) CINs")
            #expect(mine.allSatisfy { $0.cin > 0 && $0.cin < 1 << 31 }, "\(liid) CIN range")
        }
    }

    /// Reads the warrants and the `expected` block of a SIP capture's JSON.
    static func expectations(_ json: [String: Any]) throws -> [String: Expected] {
        var result: [String: Expected] = [:]
        let expectedBlock = json["expected"] as? [String: Any] ?? [:]
        for warrant in json["warrants"] as? [[String: Any]] ?? [] {
            let liid = try #require(warrant["liid"] as? String)
            let target = try #require((warrant["target"] as? [String: Any])?["value"] as? String)
            let entry = try #require(expectedBlock[liid] as? [String: Any], "no expectation for \(liid)")
            var want = Expected(
                target: target,
                agency: warrant["agency"] as? String ?? "LEA-A",
                iriCount: 0,
                iriTypes: [],
                sipMessages: [],
                callIDs: [],
                ccTotal: 0,
                fromTarget: 0,
                toTarget: 0,
                cins: 0
            )
            for call in entry["calls"] as? [[String: Any]] ?? [] {
                for iri in call["iris"] as? [[String: Any]] ?? [] {
                    want.iriTypes.append(iri["iri"] as? String ?? "?")
                    want.sipMessages.append(iri["sip"] as? String ?? "?")
                    want.callIDs.append(call["call_id"] as? String ?? "?")
                }
                let cc = call["cc"] as? [String: Any] ?? [:]
                want.fromTarget += cc["from_target"] as? Int ?? 0
                want.toTarget += cc["to_target"] as? Int ?? 0
            }
            want.iriCount = try #require(entry["total_iris"] as? Int)
            want.ccTotal = try #require(entry["total_cc"] as? Int)
            want.cins = try #require(entry["distinct_cins"] as? Int)
            result[liid] = want
        }
        return result
    }
}
