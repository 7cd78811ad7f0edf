import ETSI

/// Everything the LEMF saw, per LIID and per connection, and whether any of it was an error.
public struct LEMFSummary: Sendable, Equatable {
    /// Counters per LIID.
    public var liids: [String: LEMFLIIDCounters] = [:]
    /// Accepted connections by number.
    public var connections: [Int: LEMFConnectionRecord] = [:]
    /// Records that are not DER and whose LIID could not be read at all.
    public var unattributedDERErrors = 0
    /// Connections whose stream could not be split into records (garbage, an impossible length).
    public var brokenStreams = 0
    /// Connections refused because the TLS handshake failed (no certificate, a certificate from another CA...).
    public var refusedHandshakes = 0
    /// Failed writes of JSON lines (and of `--out-der` records).
    public var outputFailures = 0
    /// Integrity results per LIID when integrity checks are verified (`--verify-integrity`), else nil.
    public var integrity: [String: IntegrityLIIDReport]?

    /// Creates an empty summary.
    public init() {}

    /// Records received in all.
    public var records: Int { liids.values.reduce(0) { $0 + $1.records } + unattributedDERErrors }

    /// Errors in all: sequence, DER and decryption errors, broken streams, refused handshakes, failed output, LIIDs
    /// whose integrity is not proven.
    public var errors: Int {
        liids.values.reduce(0) { $0 + $1.errors } + unattributedDERErrors + brokenStreams + refusedHandshakes
            + outputFailures + (integrity?.values.filter { !$0.isIntact }.count ?? 0)
    }

    /// Whether anything went wrong (the command then exits 1).
    public var hasErrors: Bool { errors > 0 }

    /// The summary as lines for standard error: a total, one line per LIID, one per connection, the errors.
    public func render() -> [String] {
        var lines = [
            "lemf: summary: \(liids.count) LIIDs, \(connections.count) connections, \(records) records, \(errors) errors"
        ]
        for liid in liids.keys.sorted() {
            if let counters = liids[liid] {
                lines.append(render(liid: liid, counters))
            }
        }
        for number in connections.keys.sorted() {
            if let connection = connections[number] {
                lines.append(render(connection))
            }
        }
        lines += renderProtection()
        lines.append(
            "lemf: other errors: DER errors without a LIID \(unattributedDERErrors), broken streams \(brokenStreams), "
                + "refused TLS handshakes \(refusedHandshakes), output write failures \(outputFailures)"
        )
        return lines
    }

    private func render(liid: String, _ counters: LEMFLIIDCounters) -> String {
        let order: [IRIType?] = [.begin, .continue, .end, .report, nil]
        let types = order.compactMap { type -> String? in
            guard let count = counters.iris[type], count > 0 else {
                return nil
            }
            return "\(type.map { LEMFNames.iriType($0) } ?? "no type") \(count)"
        }
        var text = "lemf: LIID \(LEMFJSON.quoted(liid)): \(counters.records) records; IRI \(counters.iriTotal)"
        if !types.isEmpty {
            text += " (" + types.joined(separator: ", ") + ")"
        }
        text += "; CC \(counters.ccs); TRI \(counters.tris)"
        if counters.hi1 > 0 {
            text += "; HI1 \(counters.hi1)"
        }
        if counters.otherPayloads > 0 {
            text += "; other payloads \(counters.otherPayloads)"
        }
        text += "; CINs \(counters.cins.count); redeliveries \(counters.redeliveries); gaps \(counters.gaps)"
        text += "; backwards \(counters.backwards); DER errors \(counters.derErrors)"
        if counters.cinResets > 0 {
            text += "; cINResets \(counters.cinResets)"
        }
        if counters.encrypted > 0 {
            text += "; encrypted \(counters.encrypted) (decrypted \(counters.decrypted), "
            text += "failed \(counters.decryptionFailures))"
        }
        let used = counters.connections.sorted().compactMap { connections[$0]?.label }
        text += "; connections [" + used.joined(separator: "; ") + "]"
        return text
    }

    private func render(_ connection: LEMFConnectionRecord) -> String {
        var text = "lemf: connection \(connection.label): \(connection.records) records, "
        text += "\(connection.keepAlivesAnswered) keep-alives answered"
        if connection.truncatedOctets > 0 {
            text += ", closed inside a record (\(connection.truncatedOctets) octets dropped)"
        }
        if let failure = connection.failure {
            text += ", \(failure)"
        }
        if !connection.closed {
            text += ", open at exit"
        }
        return text
    }

    /// The decryption verdict and the integrity lines.
    private func renderProtection() -> [String] {
        var lines: [String] = []
        let encrypted = liids.values.reduce(0) { $0 + $1.encrypted }
        let decrypted = liids.values.reduce(0) { $0 + $1.decrypted }
        let failed = liids.values.reduce(0) { $0 + $1.decryptionFailures }
        if failed > 0 && decrypted == 0 {
            lines.append(
                "lemf: decryption: none of \(failed) encrypted records decrypted: the --decryption-key-file is not "
                    + "the key the records were encrypted with"
            )
        } else if failed > 0 {
            lines.append("lemf: decryption: \(failed) of \(encrypted) encrypted records did not decrypt (altered?)")
        } else if encrypted > decrypted {
            lines.append(
                "lemf: decryption: \(encrypted - decrypted) encrypted records not decrypted (no --decryption-key-file)"
            )
        }
        guard let integrity else { return lines }
        for liid in integrity.keys.sorted() {
            if let report = integrity[liid] {
                lines.append("lemf: integrity: LIID \(LEMFJSON.quoted(liid)): \(report.text)")
            }
        }
        if integrity.isEmpty {
            lines.append("lemf: integrity: no record received")
        }
        return lines
    }
}
