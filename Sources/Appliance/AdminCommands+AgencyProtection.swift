import ETSI
import Warrants

extension AdminCommands {
    /// `agency modify NAME`: changes the agency's payload encryption and integrity settings (see
    /// ``AgencyProtectionEdit`` for the rules); the key files are read now, so a bad key is refused at once. A
    /// running appliance picks the change up within a second.
    public func modifyAgency(_ request: AgencyModifyRequest) throws(ApplianceError) -> AdminOutput {
        let command = "agency modify"
        guard !request.protection.isEmpty else {
            throw ApplianceError(.usage, "\(command): nothing to change (give --encryption-key-file, --integrity, ...)")
        }
        let store = try openStore(command)
        guard let current = try run(command, { () throws(StoreError) in try store.agency(named: request.name) }) else {
            throw ApplianceError(.usage, "\(command): agency \(Self.quoted(request.name)) does not exist")
        }
        var edited = current
        var notes: [String] = []
        try AgencyProtectionEdit.apply(request.protection, to: &edited, command: command, notes: &notes)
        let stored = try run(command) { () throws(StoreError) in
            try store.modifyAgency(named: current.name) { agency in
                agency.encryption = edited.encryption
                agency.integrity = edited.integrity
            }
        }
        guard stored != current else {
            return AdminOutput(lines: ["agency \(stored.name) unchanged"], notes: notes)
        }
        let summary = Self.protectionSummary(stored).joined(separator: ", ")
        return AdminOutput(
            lines: ["agency \(stored.name) modified (\(summary.isEmpty ? "no encryption, no integrity" : summary))"],
            notes: notes
        )
    }

    /// `aes-192-cbc` and the integrity hash (`sha256`, or `sha256 signed`), those the agency has.
    static func protectionSummary(_ agency: Agency) -> [String] {
        let encryption = agency.encryption.map { [$0.method.rawValue] } ?? []
        let integrity = agency.integrity.map { [$0.hash.rawValue + ($0.signingKeyPath != nil ? "-signed" : "")] }
        return encryption + (integrity ?? [])
    }

    /// The encryption and integrity lines of `agency show`: paths, the key's fingerprint, the numbers and the
    /// signing key's kind (read from the file, or why it cannot be), never key material.
    static func protectionFields(_ agency: Agency) -> [(String, String)] {
        var fields: [(String, String)] = []
        if let encryption = agency.encryption {
            fields += [
                ("encryption", encryption.method.rawValue),
                ("encryption-key-file", encryption.keyPath),
                ("encryption-key-fingerprint", encryption.keyFingerprint),
            ]
        } else {
            fields.append(("encryption", "-"))
        }
        guard let integrity = agency.integrity else {
            return fields + [("integrity", "-")]
        }
        fields += [
            ("integrity", integrity.hash.rawValue),
            (
                "integrity-every",
                "\(integrity.recordsPerHash) records or \(integrity.hashIntervalSeconds) s"
            ),
        ]
        guard let path = integrity.signingKeyPath else {
            return fields + [("signatures", "- (no signing key: hashes only)")]
        }
        let kind: String
        do {
            kind = try AgencyKeyFile.signingKey(path).key.kind
        } catch {
            kind = "cannot be used now: \(error.reason)"
        }
        return fields + [
            ("signatures", "every \(integrity.hashesPerSignature) hashes or \(integrity.signatureIntervalSeconds) s"),
            ("signing-key", "\(path) (\(kind))"),
        ]
    }
}

extension String {
    /// The text, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
