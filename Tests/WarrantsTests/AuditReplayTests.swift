import GRDB
import TestSupport
import Testing
import Warrants

/// `audit verify` replays the log into records and compares them with the tables, so that a record edited with
/// sqlite3 is found although every audit row is intact.
@Suite struct AuditReplayTests {
    /// A store with agencies acme and secure (TLS), IP warrants LIID1 (modified) and LIID2 (ended), VoIP warrant V1,
    /// and two servers.
    private func populated(_ scratch: ScratchDirectory) throws -> WarrantStore {
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        try store.addAgency(AgencyHandoverSettingsTests.tlsAgency())
        try store.addWarrant(Sample.warrant())
        try store.modifyWarrant(liid: "LIID1") { warrant in
            warrant.startMicros = 1_767_225_600_000_000
            warrant.staticPrefixes.append("2001:db8::/56")
        }
        try store.addWarrant(Sample.warrant("LIID2"))
        try store.endWarrant(liid: "LIID2", atMicros: 1_767_225_600_250_000)
        try store.addWarrant(Sample.voipWarrant("V1"))
        try store.addServers([
            KnownServer(kind: .radius, address: "192.0.2.1", port: 1812),
            KnownServer(kind: .sip, address: "2001:db8::5", port: 5060),
        ])
        return store
    }

    @Test func anUntouchedStoreReplaysToItsTables() throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        #expect(try store.verifyAudit() == AuditVerification(rows: 8))
        try store.removeServers(kind: .sip, address: "2001:db8::5", port: nil)
        try store.endWarrant(liid: "V1", atMicros: 1_767_225_700_000_000)
        try store.removeAgency(named: "secure")
        #expect(try store.verifyAudit() == AuditVerification(rows: 11))
    }

    @Test(arguments: [
        (
            "UPDATE warrant_targets SET value = 'eve' WHERE liid = 'LIID1' AND type = 'username'",
            "warrants \"LIID1\": field user differs"
        ),
        (
            "UPDATE warrants SET ended_micros = NULL WHERE liid = 'LIID2'",
            "warrants \"LIID2\": field ended differs"
        ),
        ("UPDATE warrants SET modified_micros = NULL WHERE liid = 'LIID1'", "\"LIID1\": field modified differs"),
        ("UPDATE warrants SET end_micros = 1 WHERE liid = 'LIID1'", "warrants \"LIID1\": field end differs"),
        (
            "UPDATE warrant_targets SET value = '10.0.0.0/8' WHERE liid = 'LIID1' AND position = 2",
            "warrants \"LIID1\": field static_ips differs"
        ),
        (
            "UPDATE warrant_targets SET value = 'sip:eve@*' WHERE liid = 'V1'",
            "warrants \"V1\": field targets differs"
        ),
        ("UPDATE warrants SET delivery = 'iri' WHERE liid = 'V1'", "warrants \"V1\": field deliver differs"),
        ("UPDATE agencies SET hi2_port = 9999 WHERE name = 'acme'", "agencies \"acme\": field hi2 differs"),
        ("UPDATE agencies SET tls_server_name = 'x.example' WHERE name = 'secure'", "\"secure\": field tls differs"),
        ("UPDATE agencies SET retry_seconds = 11 WHERE name = 'secure'", "agencies \"secure\": field retry differs"),
        (
            "DELETE FROM warrant_targets WHERE liid = 'LIID1' AND type = 'static_prefix'",
            "warrants \"LIID1\": field static_ips differs"
        ),
        (
            "DELETE FROM warrant_targets WHERE liid = 'V1'; DELETE FROM warrants WHERE liid = 'V1'",
            "warrants \"V1\": in the audit log but not in the table"
        ),
        (
            "INSERT INTO servers VALUES ('radius', '192.0.2.9', 1812)",
            "servers radius 192.0.2.9:1812: in the table but not in the audit log"
        ),
        (
            "DELETE FROM servers WHERE kind = 'sip'",
            "servers sip [2001:db8::5]:5060: in the audit log but not in the table"
        ),
        (
            "INSERT INTO agencies (name, hi2_host, hi2_port, hi3_host, hi3_port, keepalive_seconds, keepalive_wait_seconds,"
                + " plaintext) VALUES ('rogue', '192.0.2.3', 1, '192.0.2.3', 2, 300, 30, 1)",
            "agencies \"rogue\": in the table but not in the audit log"
        ),
    ])
    func findsARecordEditedOutsideTheStore(_ sql: String, _ expected: String) throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        try scratch.raw(sql)
        let verification = try store.verifyAudit()
        #expect(verification.rows == 8)
        #expect(verification.firstBadRow == nil)
        #expect(verification.problem?.hasPrefix("the tables differ from the audit log: ") == true)
        #expect(verification.problem?.contains(expected) == true, "\(verification.problem ?? "intact")")
    }

    @Test func anUnreadableTableRowIsReportedNotThrown() throws {
        let scratch = try ScratchDirectory()
        let store = try populated(scratch)
        try scratch.raw("UPDATE warrants SET delivery = 'everything' WHERE liid = 'LIID1'")
        let verification = try store.verifyAudit()
        #expect(verification.problem?.contains("invalid delivery for warrant LIID1") == true)
    }
}
