import Appliance
import Foundation
import Testing

/// `status` shows what capture saw beyond packets: frames by tunnel kind, the fragment reassembler's work, mirrored
/// datagrams by shim format and outcome, and each UDP sink; and an older status without them still renders.
@Suite struct StatusTextCaptureTests {
    private static let base = """
        "writtenAt": "2026-12-03T12:00:00Z", "writtenAtEpoch": 1000, "pid": 42, "packets": 90, "records": 57,
        "warrants": 1, "handovers": []
        """

    private func render(_ extra: String) throws -> String {
        let json = "{" + Self.base + (extra.isEmpty ? "" : ", " + extra) + "}"
        let status = try JSONDecoder().decode(ApplianceStatus.self, from: Data(json.utf8))
        return StatusText.render(status, now: 1001)
    }

    @Test func tunnelsFragmentsMirrorsAndSinksAreShown() throws {
        let text = try render(
            """
            "tunnels": {"vxlan": 16, "gre": 24, "erspan_i": 0, "erspan_ii": 12, "erspan_iii": 6},
            "fragments": {"reassembled": 1, "timedOut": 2, "overlapping": 3, "evicted": 0, "duplicates": 4},
            "mirrors": {"jmirror": {"intercepted": 16, "unconfigured id": 2, "short": 1, "not IP": 0}},
            "sinks": [{"sink": "127.0.0.1:9000", "encapsulation": "raw", "received": 10, "intercepted": 8,
                       "wrongSource": 1, "unrouted": 1, "unusable": 0}]
            """
        )
        #expect(text.contains("tunnels:   vxlan 16, gre 24, erspan_i 0, erspan_ii 12, erspan_iii 6"), "\(text)")
        #expect(
            text.contains("fragments: 1 reassembled, 2 timed out, 3 overlapping, 0 evicted, 4 duplicates"),
            "\(text)"
        )
        #expect(text.contains("mirror:    jmirror: 16 intercepted, 2 unconfigured id, 1 short, 0 not IP"), "\(text)")
        #expect(
            text.contains(
                "sink:      127.0.0.1:9000 raw: 10 received, 8 intercepted, 1 from another source, 1 for no warrant, "
                    + "0 unusable"
            ),
            "\(text)"
        )
    }

    @Test func anOlderStatusWithoutThemStillRenders() throws {
        let text = try render("")
        #expect(text.contains("capture:   90 packets, 57 records, 1 warrants"))
        #expect(!text.contains("tunnels:") && !text.contains("mirror:") && !text.contains("sink:"))
    }
}
