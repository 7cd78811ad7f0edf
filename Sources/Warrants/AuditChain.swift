import Crypto

/// The audit log's hash chain: how a row is serialised and hashed, and how a sequence of rows is checked.
///
/// A row's hash is SHA-256 over a versioned serialisation in which every field (id, time, user, command, action,
/// subject, before, after, previous hash) is written as its UTF-8 byte count, a colon and the bytes, or `-` for an
/// absent value, each followed by a newline. The first row's previous hash is 64 zeros.
enum AuditChain {
    /// The previous hash of the first row.
    static let genesisHash = String(repeating: "0", count: 64)

    /// The hash of `entry` from its fields and its previous hash (its own `hash` is ignored).
    static func hash(of entry: AuditEntry) -> String {
        var text = "openli-appliance audit v1\n"
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
        let digest = SHA256.hash(data: Array(text.utf8))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    /// Checks `entries` (in id order) against each other and against the head the settings record.
    static func verify(_ entries: [AuditEntry], headID: Int64, headHash: String) -> AuditVerification {
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
            if hash(of: entry) != entry.hash {
                return AuditVerification(
                    rows: entries.count,
                    firstBadRow: entry.id,
                    problem: "row \(entry.id): contents do not match its hash (edited)"
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
