import TestSupport
import Testing

/// The malformed test capture with its SIP server configured and a VoIP warrant in force: the broken SIP on 5060
/// (random bytes, an INVITE whose Content-Length overruns it, a negative Content-Length, a 3000-byte Call-ID) is
/// counted by cause and skipped, and the valid RADIUS session's records still come out exactly.
@Suite(.serialized)
struct MalformedSIPTests {
    @Test func brokenSIPIsCountedAndSkipped() throws {
        let scenario = try CaptureScenario("malformed")
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let lemf = try RecordCheckListener()
        let endpoint = "127.0.0.1:\(lemf.port)"
        let setup: [[String]] = [
            ["agency", "add", "LEA-A", "--hi2", endpoint, "--hi3", endpoint, "--plaintext", "--country", "NZ"],
            ["server", "add", "radius"] + scenario.radiusServers,
            ["server", "add", "sip", "192.0.2.5:5060"],
            ["warrant", "add", "ip", "SHR-MAL-1", "--agency", "LEA-A", "--user", "maltarget"],
            ["warrant", "add", "voip", "SHR-MAL-SIP", "--agency", "LEA-A", "--sip-uri", "sip:maltarget@*"],
        ]
        for command in setup {
            let result = try appliance.run(command)
            #expect(result.status == 0, "\(command.joined(separator: " ")): \(result.standardError)")
        }

        let run = try appliance.run(["run", "--pcap", scenario.pcapPath, "--retry", "1"])
        #expect(run.status == 0, "run: \(run.standardError)")
        let errors = try #require(run.standardError.split(separator: "\n").first { $0.contains("parse errors") })
        #expect(errors.contains("sip_"), "parse errors line: \(errors)")
        #expect(errors.contains("radius_"), "parse errors line: \(errors)")

        let (json, log) = lemf.finish(closedConnections: 2)
        #expect(!log.contains("CHECK FAILED"), "record-check: \(log)")
        let records = json.compactMap(DecodedRecord.init).filter { $0.kind != "TRI" }
        let expected = try #require(scenario.expected["SHR-MAL-1"])
        let mine = records.filter { $0.liid == "SHR-MAL-1" }
        #expect(mine.filter { $0.kind == "IRI" }.count == expected.iriTypes.count)
        #expect(mine.filter { $0.kind == "CC" }.count == expected.ccTotal)
        #expect(records.allSatisfy { $0.liid == "SHR-MAL-1" }, "records for the VoIP warrant from broken SIP")
    }
}
