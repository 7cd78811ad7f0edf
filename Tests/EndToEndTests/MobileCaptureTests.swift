import Foundation
import TestSupport
import Testing

/// The GTPv2 (S5/S8) and GTPv1 (Gn) captures through the binary, configured from their JSON (an IMSI warrant and an
/// MSISDN warrant on the same subscriber), delivered over real sockets to the independent decoder: per LIID the IRI
/// types in order, the CCs uplink and downlink, nothing after the delete, nothing for the other subscriber.
@Suite(.serialized)
struct MobileCaptureTests {
    static let etsiNames = [
        "IRI-BEGIN": "iRI-Begin", "IRI-CONTINUE": "iRI-Continue", "IRI-END": "iRI-End", "IRI-REPORT": "iRI-Report",
    ]

    @Test(arguments: ["gtp-session", "gtp-v1-session"])
    func captureDeliversTheSubscribersSession(name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: PcapCaptures.path("\(name).json")))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        let warrants = json["warrants"] as? [[String: Any]] ?? []
        let agencies = try E2ESetup.addCaptureAgencies(appliance, warrants: warrants, endpoint: endpoint)
        let control = ((json["known_servers"] as? [String: Any])?["gtpc"] as? [[String: Any]] ?? [])
            .map { "\($0["ip"] as? String ?? ""):\($0["port"] as? Int ?? 0)" }
        let servers = try appliance.run(["server", "add", "gtp"] + control)
        #expect(servers.status == 0, "server add: \(servers.standardError)")
        for warrant in warrants {
            let target = warrant["target"] as? [String: Any] ?? [:]
            let added = try appliance.run(
                [
                    "warrant", "add", "mobile", warrant["liid"] as? String ?? "", "--agency",
                    warrant["agency"] as? String ?? "", "--\(target["type"] as? String ?? "")",
                    target["value"] as? String ?? "",
                ])
            #expect(added.status == 0, "warrant add: \(added.standardError)")
        }
        let run = try appliance.run(["run", "--pcap", PcapCaptures.path("\(name).pcap"), "--retry", "1"])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("  mobile "), "summary: \(run.standardError)")
        let (decoded, log) = lemf.finish(closedConnections: 2 * agencies.count)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = decoded.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" }
        var ccCounts: [Int] = []
        for (liid, value) in json["expected"] as? [String: Any] ?? [:] {
            let expected = value as? [String: Any] ?? [:]
            let session = (expected["sessions"] as? [[String: Any]])?.first ?? [:]
            let mine = records.filter { $0.liid == liid }
            let iris = mine.filter { $0.kind == "IRI" }.sorted { ($0.cin, $0.sequence) < ($1.cin, $1.sequence) }
            let types = (session["iris"] as? [[String: Any]] ?? []).compactMap {
                Self.etsiNames[$0["iri"] as? String ?? ""]
            }
            #expect(
                iris.map(\.iriType).sorted { ($0 ?? "") < ($1 ?? "") } == types.sorted().map(Optional.some),
                "\(liid) IRIs"
            )
            let window = session["cc_between_create_response_and_delete_request"] as? [String: Any] ?? [:]
            let ccs = mine.filter { $0.kind == "CC" }
            #expect(ccs.count == window["total"] as? Int, "\(liid) CCs")
            #expect(
                ccs.filter { $0.direction == "fromTarget" }.count == window["from_target"] as? Int,
                "\(liid) uplink"
            )
            #expect(ccs.filter { $0.direction == "toTarget" }.count == window["to_target"] as? Int, "\(liid) downlink")
            ccCounts.append(ccs.count)
        }
        #expect(Set(ccCounts).count == 1, "the IMSI and the MSISDN warrant get the same session")
        #expect(Set(records.map(\.liid)).isSubset(of: Set(warrants.compactMap { $0["liid"] as? String })))
    }
}
