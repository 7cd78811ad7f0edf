import Foundation
import TestSupport
import Testing

/// vendor-mirror.pcap through the binary, configured from its JSON (a mirror stream destination per vendor, one
/// CC-only warrant per vendor's intercept id), delivered over real sockets to the independent decoder: per LIID the
/// CC count, the CINs (the shims' session ids; Cisco: the id), the directions (ALU's shim gives them; JMirror and
/// Cisco are indeterminate) and the mirrored IP packet as content; nothing for unconfigured ids, header-only or
/// non-IP datagrams, a copy to another port or the target seen natively.
@Suite(.serialized)
struct VendorMirrorCaptureTests {
    private static let serverKinds = [
        "jmirror_sources": "jmirror", "alu_mirror_sources": "alu-mirror", "cisco_mirror_sources": "cisco-mirror",
    ]

    @Test func eachVendorsMirroredPacketsBecomeTheirWarrantsCCs() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: PcapCaptures.path("vendor-mirror.json")))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        let warrants = json["warrants"] as? [[String: Any]] ?? []
        let agencies = try E2ESetup.addCaptureAgencies(appliance, warrants: warrants, endpoint: endpoint)
        for (key, sources) in json["known_servers"] as? [String: Any] ?? [:] {
            let kind = try #require(Self.serverKinds[key])
            let endpoints = (sources as? [[String: Any]] ?? []).map {
                "\($0["ip"] as? String ?? ""):\($0["port"] as? Int ?? 0)"
            }
            let added = try appliance.run(["server", "add", kind] + endpoints)
            #expect(added.status == 0, "server add \(kind): \(added.standardError)")
        }
        for warrant in warrants {
            let target = warrant["target"] as? [String: Any] ?? [:]
            let added = try appliance.run(
                [
                    "warrant", "add", "ip", warrant["liid"] as? String ?? "", "--agency",
                    warrant["agency"] as? String ?? "", "--mirror-id", "\(target["value"] as? Int ?? -1)",
                    "--mirror-vendor", target["vendor"] as? String ?? "", "--deliver", "cc",
                ])
            #expect(added.status == 0, "warrant add: \(added.standardError)")
        }
        let run = try appliance.run(["run", "--pcap", PcapCaptures.path("vendor-mirror.pcap"), "--retry", "1"])
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("jmirror 16 intercepted, 2 unconfigured id, 1 short, 0 not IP"))
        #expect(run.standardError.contains("alu 18 intercepted, 2 unconfigured id, 0 short, 1 not IP"))
        #expect(run.standardError.contains("cisco 12 intercepted, 2 unconfigured id, 1 short, 0 not IP"))
        let (decoded, log) = lemf.finish(closedConnections: 2 * agencies.count)
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let records = decoded.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" }
        #expect(records.allSatisfy { $0.kind == "CC" && ($0.ipContent?.first ?? 0) >> 4 == 4 })
        let expected = json["expected"] as? [String: Any] ?? [:]
        #expect(Set(records.map(\.liid)) == Set(expected.keys))
        for (liid, value) in expected {
            let expectation = value as? [String: Any] ?? [:]
            let ccs = records.filter { $0.liid == liid }
            #expect(ccs.count == (expectation["cc_total"] as? [String: Any])?["count"] as? Int, "\(liid) CCs")
            var byCIN: [Int: Int] = [:]
            for (label, filter) in expectation["cc_by_cin"] as? [String: Any] ?? [:] {
                let hex = String(label.prefix { $0 != " " }.dropFirst(2))
                byCIN[try #require(Int(hex, radix: 16))] = (filter as? [String: Any])?["count"] as? Int
            }
            #expect(Dictionary(grouping: ccs, by: \.cin).mapValues(\.count) == byCIN, "\(liid) CINs")
            if let directions = expectation["cc_by_direction"] as? [String: Any] {
                for (direction, filter) in directions {
                    let name = direction == "unknown" ? "indeterminate" : direction
                    #expect(
                        ccs.filter { $0.direction == name }.count == (filter as? [String: Any])?["count"] as? Int,
                        "\(liid) \(direction)"
                    )
                }
            } else {
                #expect(ccs.allSatisfy { $0.direction == "indeterminate" }, "\(liid) directions")
            }
            if let inner = expectation["cc_inner_ip"] as? [String: Any] {
                let target = try #require(
                    (inner["target_ip"] as? String)?.split(separator: ".").compactMap { UInt8($0) }
                )
                let sent = ccs.filter { Array($0.ipContent?[12..<16] ?? []) == target }.count
                let received = ccs.filter { Array($0.ipContent?[16..<20] ?? []) == target }.count
                #expect(sent == (inner["from_target"] as? [String: Any])?["count"] as? Int, "\(liid) sent")
                #expect(received == (inner["to_target"] as? [String: Any])?["count"] as? Int, "\(liid) received")
            }
        }
    }
}
