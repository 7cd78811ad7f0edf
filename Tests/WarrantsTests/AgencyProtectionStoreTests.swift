import TestSupport
import Testing
import Warrants

/// An agency's payload encryption and integrity settings in the store (schema v9): paths, the key's fingerprint and
/// the numbers, read back, audited, replayed, changed with `modifyAgency`, and validated before any write.
@Suite struct AgencyProtectionStoreTests {
    static let fingerprint = "sha256:" + String(repeating: "0123456789abcdef", count: 4)

    static func protectedAgency(_ name: String = "acme") -> Agency {
        var agency = Sample.agency(name)
        agency.encryption = AgencyEncryption(keyPath: "/etc/openli/acme.key", keyFingerprint: fingerprint)
        agency.integrity = AgencyIntegrity(
            hash: .sha384,
            recordsPerHash: 500,
            hashIntervalSeconds: 2,
            hashesPerSignature: 10,
            signatureIntervalSeconds: 60,
            signingKeyPath: "/etc/openli/acme-signing.pem"
        )
        return agency
    }

    @Test func storesAndReadsBackEverySetting() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let stored = try store.addAgency(Self.protectedAgency())
        #expect(stored == Self.protectedAgency())
        let reopened = try scratch.store()
        #expect(try reopened.agency(named: "acme") == stored)
        #expect(try reopened.snapshot().agencies == [stored])
        #expect(try reopened.snapshotsSince(auditID: 0).last == (try reopened.snapshot()))
        #expect(try reopened.verifyAudit() == AuditVerification(rows: 1))
    }

    @Test func integrityDefaultsAreOpenLIs() {
        let integrity = AgencyIntegrity(hash: .sha256)
        #expect(integrity.recordsPerHash == 1000)
        #expect(integrity.hashIntervalSeconds == 1)
        #expect(integrity.hashesPerSignature == 15)
        #expect(integrity.signatureIntervalSeconds == 300)
        #expect(integrity.signingKeyPath == nil)
    }

    @Test func auditsPathsFingerprintAndNumbersAndKeepsThePlainFormForAgenciesWithout() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency("plain"))
        try store.addAgency(Self.protectedAgency())
        let rows = try store.auditEntries()
        let plain = try #require(rows.first?.after)
        #expect(plain.hasSuffix(",\"retry\":10}"))
        let protected = try #require(rows.last?.after)
        #expect(
            protected.hasSuffix(
                ",\"retry\":10,\"encryption\":{\"method\":\"aes-192-cbc\",\"key_file\":\"/etc/openli/acme.key\","
                    + "\"key_fingerprint\":\"\(Self.fingerprint)\"},\"integrity\":{\"hash\":\"sha384\","
                    + "\"records_per_hash\":500,\"hash_interval\":2,\"hashes_per_signature\":10,"
                    + "\"signature_interval\":60,\"signing_key_file\":\"/etc/openli/acme-signing.pem\"}}"
            )
        )
    }

    @Test func modifyChangesProtectionWithAnAuditedRowAndReplays() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        try store.addAgency(Sample.agency())
        let before = try store.changeID()
        let protected = try store.modifyAgency(named: "acme") { agency in
            agency.encryption = Self.protectedAgency().encryption
            agency.integrity = Self.protectedAgency().integrity
            agency.name = "renamed"
        }
        #expect(protected == Self.protectedAgency())
        #expect(try store.changeID() == before + 1)
        let unchanged = try store.modifyAgency(named: "acme") { _ in }
        #expect(unchanged == protected)
        #expect(try store.changeID() == before + 1)
        try store.modifyAgency(named: "acme") { agency in
            agency.encryption = nil
            agency.integrity?.signingKeyPath = nil
        }
        let stored = try #require(try store.agency(named: "acme"))
        #expect(stored.encryption == nil)
        #expect(stored.integrity?.hash == .sha384)
        #expect(stored.integrity?.signingKeyPath == nil)
        let actions = try store.auditEntries().map(\.action)
        #expect(actions == ["agency.add", "agency.modify", "agency.modify"])
        #expect(try store.verifyAudit() == AuditVerification(rows: 3))
        let snapshots = try store.snapshotsSince(auditID: 0)
        #expect(snapshots.map { $0.agencies.first?.encryption != nil } == [false, true, false])
        #expect(snapshots.last == (try store.snapshot()))
    }

    @Test func modifyRefusesAnAgencyThatDoesNotExist() throws {
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let error = storeError { () throws(StoreError) in try store.modifyAgency(named: "nobody") { _ in } }
        #expect(error?.code == .notFound)
        #expect(error?.message == "agency \"nobody\" does not exist")
    }

    /// Settings the store refuses, and the field its error names.
    static let invalidSettings: [(String, @Sendable (inout Agency) -> Void, String)] = [
        ("relative key path", { $0.encryption?.keyPath = "acme.key" }, "encryption_key_path"),
        ("dot-dot in key path", { $0.encryption?.keyPath = "/etc/../acme.key" }, "encryption_key_path"),
        (
            "fingerprint without prefix", { $0.encryption?.keyFingerprint = String(fingerprint.dropFirst(7)) },
            "encryption_key_fingerprint"
        ),
        ("short fingerprint", { $0.encryption?.keyFingerprint = "sha256:0123" }, "encryption_key_fingerprint"),
        (
            "upper-case fingerprint", { $0.encryption?.keyFingerprint = fingerprint.uppercased() },
            "encryption_key_fingerprint"
        ),
        ("0 records per hash", { $0.integrity?.recordsPerHash = 0 }, "integrity_records_per_hash"),
        ("too many records per hash", { $0.integrity?.recordsPerHash = 1_000_001 }, "integrity_records_per_hash"),
        ("hash interval 0", { $0.integrity?.hashIntervalSeconds = 0 }, "integrity_hash_interval_seconds"),
        (
            "hash interval above an hour", { $0.integrity?.hashIntervalSeconds = 3601 },
            "integrity_hash_interval_seconds"
        ),
        ("0 hashes per signature", { $0.integrity?.hashesPerSignature = 0 }, "integrity_hashes_per_signature"),
        (
            "too many hashes per signature", { $0.integrity?.hashesPerSignature = 10_001 },
            "integrity_hashes_per_signature"
        ),
        (
            "signature interval above a day", { $0.integrity?.signatureIntervalSeconds = 86_401 },
            "integrity_signature_interval_seconds"
        ),
        ("relative signing key path", { $0.integrity?.signingKeyPath = "sign.pem" }, "integrity_signing_key_path"),
    ]

    @Test(arguments: invalidSettings.indices)
    func refusesInvalidSettings(_ index: Int) throws {
        let (_, change, field) = Self.invalidSettings[index]
        var agency = Self.protectedAgency()
        change(&agency)
        let scratch = try ScratchDirectory()
        let store = try scratch.store()
        let error = storeError { () throws(StoreError) in try store.addAgency(agency) }
        #expect(error?.code == .invalid)
        #expect(error?.field == field)
        #expect(try store.agencies().isEmpty)
        try store.addAgency(Sample.agency())
        let modified = storeError { () throws(StoreError) in
            try store.modifyAgency(named: "acme") { stored in
                stored.encryption = agency.encryption
                stored.integrity = agency.integrity
            }
        }
        #expect(modified?.field == field)
        #expect(try store.agency(named: "acme") == Sample.agency())
    }

    @Test func refusesARowWithIncompleteSettingsRatherThanDroppingThem() throws {
        let scratch = try ScratchDirectory()
        try scratch.store().addAgency(Self.protectedAgency())
        try scratch.raw("UPDATE agencies SET encryption_key_fingerprint = NULL")
        let store = try scratch.store()
        let error = storeError { () throws(StoreError) in _ = try store.agencies() }
        #expect(error?.code == .io)
        #expect(error?.message.contains("encryption settings for agency acme") == true)
        try scratch.raw("UPDATE agencies SET encryption_key_fingerprint = 'x', integrity_hash = 'md5'")
        let integrity = storeError { () throws(StoreError) in _ = try store.agencies() }
        #expect(integrity?.message.contains("integrity settings for agency acme") == true)
    }
}
