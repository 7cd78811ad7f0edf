import Foundation
import TestSupport
import Testing

/// The RADIUS test captures through the built binary, configured with the CLI as an operator would, delivered
/// over real sockets to the independent decoder acting as the LEMF.
@Suite(.serialized)
struct RADIUSCaptureTests {
    static let etsiNames = [
        "IRI-BEGIN": "iRI-Begin", "IRI-CONTINUE": "iRI-Continue", "IRI-END": "iRI-End", "IRI-REPORT": "iRI-Report",
    ]

    @Test(arguments: ["radius-basic", "vlan-mpls", "malformed"])
    func captureDeliversExactlyTheTargetsRecords(name: String) throws {
        let scenario = try CaptureScenario(name)
        let (records, _) = try Self.deliver(scenario)
        try Self.expectRecords(records, of: scenario)
    }

    /// Configures `scenario`'s agencies, RADIUS servers and warrants with the CLI, runs its capture with
    /// `runArguments` added, and returns the records the independent decoder received (checked there) with the
    /// run's standard error.
    static func deliver(_ scenario: CaptureScenario, runArguments: [String] = []) throws -> ([DecodedRecord], String) {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        try configure(scenario, on: appliance, lemfPort: lemf.port)
        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--retry", "1"] + runArguments)
        #expect(run.status == 0, "run: \(run.standardError)")
        #expect(run.standardError.contains("openli-appliance run: summary"))
        return (received(by: lemf, scenario: scenario), run.standardError)
    }

    /// Adds `scenario`'s agencies (delivering to the LEMF at `lemfPort`), RADIUS servers and warrants with the CLI.
    static func configure(_ scenario: CaptureScenario, on appliance: ApplianceBinary, lemfPort: Int) throws {
        let endpoint = "127.0.0.1:\(lemfPort)"
        for agency in scenario.agencies {
            let added = try appliance.run(
                ["agency", "add", agency, "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"])
            #expect(added.status == 0, "agency add: \(added.standardError)")
        }
        let servers = try appliance.run(["server", "add", "radius"] + scenario.radiusServers)
        #expect(servers.status == 0, "server add: \(servers.standardError)")
        for warrant in scenario.warrants {
            let added = try appliance.run(
                [
                    "warrant", "add", "ip", warrant.liid, "--agency", warrant.agency, "--user", warrant.user,
                    "--auth-cc", warrant.authCC, "--delivery-cc", warrant.authCC,
                ])
            #expect(added.status == 0, "warrant add: \(added.standardError)")
        }
    }

    /// The records (TRI keep-alives left out) the LEMF received once `scenario`'s agencies closed both their
    /// connections, checked by the independent decoder.
    static func received(by lemf: RecordCheckListener, scenario: CaptureScenario) -> [DecodedRecord] {
        let (json, log) = lemf.finish(closedConnections: 2 * scenario.agencies.count)
        #expect(!log.contains("CHECK FAILED"), "record-check: \(log)")
        #expect(log.contains(" 0 error(s)"), "record-check: \(log)")
        let all = json.compactMap(DecodedRecord.init)
        #expect(all.count == json.count)
        #expect(all.filter { $0.kind == "TRI" }.allSatisfy { scenario.agencies.contains($0.liid) })
        return all.filter { $0.kind != "TRI" }
    }

    /// Expects exactly the scenario's warrants' records: IRI types and events in sequence, CC counts by direction,
    /// CINs.
    static func expectRecords(_ records: [DecodedRecord], of scenario: CaptureScenario) throws {
        #expect(Set(records.map(\.liid)).isSubset(of: Set(scenario.warrants.map(\.liid))))
        for warrant in scenario.warrants {
            let expected = try #require(scenario.expected[warrant.liid])
            let mine = records.filter { $0.liid == warrant.liid }
            let iris = mine.filter { $0.kind == "IRI" }.sorted { $0.sequence < $1.sequence }
            let ccs = mine.filter { $0.kind == "CC" }
            #expect(iris.map(\.iriType) == expected.iriTypes.map { Self.etsiNames[$0] }, "\(warrant.liid) IRI types")
            #expect(iris.map(\.event) == expected.events.map(Optional.some), "\(warrant.liid) IRI events")
            #expect(ccs.count == expected.ccTotal, "\(warrant.liid) CCs")
            #expect(ccs.filter { $0.direction == "fromTarget" }.count == expected.fromTarget)
            #expect(ccs.filter { $0.direction == "toTarget" }.count == expected.toTarget)
            #expect(Set(mine.map(\.cin)).count == expected.cins, "\(warrant.liid) CINs")
            #expect(mine.allSatisfy { $0.cin > 0 && $0.cin < (1 << 31) })
        }
    }
}
