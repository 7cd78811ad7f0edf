import Crypto

/// The audit log's hash chain: how a row is serialised and hashed, and how a sequence of rows is checked.
///
/// A row's hash is HMAC-SHA256, under the store's audit key (``AuditKeyFile``), over a versioned serialisation in
/// which every field (id, time, user, command, action, subject, before, after, previous hash) is written as its
/// UTF-8 byte count, a colon and the bytes, or `-` for an absent value, each followed by a newline. The first row's
/// previous hash is 64 zeros. Stores before schema v4 used plain SHA-256 over the same fields (``legacyHash(of:)``);
/// migration v4 checks that chain and re-chains the rows under the key.
enum AuditChain {
    /// The previous hash of the first row.
    static let genesisHash = String(repeating: "0", count: 64)

    /// The keyed hash of `entry` from its fields and its previous hash (its own `hash` is ignored).
    static func hash(of entry: AuditEntry, key: SymmetricKey) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: serialised(entry, version: 2), using: key)
        return hex(code)
    }

    /// The unkeyed SHA-256 hash that schema versions 1-3 wrote, for checking a chain before it is re-chained.
    static func legacyHash(of entry: AuditEntry) -> String {
        hex(SHA256.hash(data: serialised(entry, version: 1)))
    }

    private static func serialised(_ entry: AuditEntry, version: Int) -> [UInt8] {
        var text = "openli-appliance audit v\(version)\n"
        let fields: [String?] = [
            String(entry.id), String(entry.timeMicros), entry.user, entry.command, entry.action, entry.subject,
            entry.before, entry.after, entry.previousHash,
        ]
        for field in fields {
            if let field {
                text += "\(field.utf8.count):\(field)\n"
            } else {
                text += "-\n"
            }
        }
        return Array(text.utf8)
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    /// Checks `entries` (in id order) against each other, with `hash` computing each row's expected hash, and
    /// against the head the settings record.
    static func verify(
        _ entries: [AuditEntry],
        headID: Int64,
        headHash: String,
        hash: (AuditEntry) -> String
    ) -> AuditVerification {
        var expectedID: Int64 = 1
        var previousHash = genesisHash
        for entry in entries {
            if entry.id != expectedID {
                return AuditVerification(
                    rows: entries.count,
                    firstBadRow: entry.id,
                    problem: "row \(entry.id): expected row \(expectedID) (rows missing or renumbered)"
                )
            }
            if entry.previousHash != previousHash {
                return AuditVerification(
                    rows: entries.count,
                    firstBadRow: entry.id,
                    problem:
                        "row \(entry.id): does not follow row \(entry.id - 1) (rows deleted, inserted or reordered)"
                )
            }
            if hash(entry) != entry.hash {
                return AuditVerification(
                    rows: entries.count,
                    firstBadRow: entry.id,
                    problem:
                        "row \(entry.id): contents do not match its hash (edited, or the audit key is not this store's)"
                )
            }
            previousHash = entry.hash
            expectedID += 1
        }
        let lastID = expectedID - 1
        if lastID != headID {
            return AuditVerification(
                rows: entries.count,
                firstBadRow: lastID + 1,
                problem: "row \(lastID + 1): the log ends at row \(lastID) but the store recorded row \(headID) as last"
                    + " (rows deleted from the end, or the recorded head edited)"
            )
        }
        if previousHash != headHash {
            return AuditVerification(
                rows: entries.count,
                firstBadRow: lastID,
                problem: "row \(lastID): its hash differs from the one the store recorded for it (edited)"
            )
        }
        return AuditVerification(rows: entries.count)
    }
}
