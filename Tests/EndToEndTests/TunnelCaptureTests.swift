import Foundation
import TestSupport
import Testing

/// tunnels.pcap through the built binary: RADIUS over IPv6 (its Interim-Update in two IPv6 fragments) and the
/// target's traffic plain, in VXLAN, GRE (with and without key, checksum and sequence, Ethernet inside), ERSPAN
/// type II and III and as IPv6 fragments, delivered to the independent decoder.
@Suite(.serialized)
struct TunnelCaptureTests {
    @Test("tunnels.pcap: IRIs at Accept, the fragmented Interim-Update and Stop; 57 CCs from inside every tunnel")
    func tunnelsDeliverTheTargetsRecords() throws {
        let scenario = try CaptureScenario("tunnels")
        #expect(scenario.radiusServers == ["[2001:db8:50::2]:1812", "[2001:db8:50::2]:1813"])
        let expected = try #require(scenario.expected["SHR-TUN-1"])
        #expect(expected.iriTypes.filter { $0 != "IRI-REPORT" } == ["IRI-BEGIN", "IRI-CONTINUE", "IRI-END"])
        #expect(expected.ccTotal == 57 && expected.fromTarget == 31 && expected.toTarget == 26 && expected.cins == 1)
        let (records, summary) = try RADIUSCaptureTests.deliver(scenario)
        try RADIUSCaptureTests.expectRecords(records, of: scenario)
        #expect(records.allSatisfy { $0.liid == "SHR-TUN-1" })
        #expect(summary.contains("parse errors none"), "\(summary)")
        #expect(summary.contains("tunnels      vxlan 16, gre 24, erspan_i 0, erspan_ii 12, erspan_iii 6"), "\(summary)")
        #expect(
            summary.contains("fragments    1 reassembled, 0 timed out, 0 overlapping, 0 evicted, 0 duplicates"),
            "\(summary)"
        )
    }

    @Test("run --vxlan-port: a bad value or too many ports is one clear line and a usage exit")
    func vxlanPortOption() throws {
        let appliance = try ApplianceBinary()
        defer { appliance.cleanUp() }
        let capture = PcapCaptures.path("tunnels.pcap")
        let zero = try appliance.run(["run", "--pcap", capture, "--vxlan-port", "0"])
        #expect(zero.status == 2)
        #expect(zero.standardError.contains("run: --vxlan-port 0 is not in 1...65535"), "\(zero.standardError)")
        let many = (1...8).flatMap { ["--vxlan-port", "\(8000 + $0)"] }
        let tooMany = try appliance.run(["run", "--pcap", capture] + many)
        #expect(tooMany.status == 2)
        #expect(tooMany.standardError.contains("at most 8 are allowed"), "\(tooMany.standardError)")
    }
}
