import Foundation

/// Renders a status for an operator: the appliance line, then one line per handover connection.
public enum StatusText {
    /// Plain text; says when the status is stale (the appliance has stopped writing it).
    public static func render(_ status: ApplianceStatus, now: Double = Date().timeIntervalSince1970) -> String {
        var lines: [String] = []
        let age = now - status.writtenAtEpoch
        let state = age > 5 ? "NOT RUNNING (last status \(Int(age)) s ago)" : "running (pid \(status.pid))"
        lines.append("appliance: \(state), status of \(status.writtenAt)")
        var capture = "capture:   \(status.packets) packets, \(status.records) records, \(status.warrants) warrants"
        if let sessions = status.sessionsOpen { capture += ", \(sessions) sessions open" }
        if let calls = status.callsOpen { capture += ", \(calls) intercepted calls in progress" }
        if let mail = status.mailSessionsOpen { capture += ", \(mail) mail sessions followed" }
        if let mobile = status.mobileSessionsOpen { capture += ", \(mobile) mobile sessions open" }
        lines.append(capture)
        if let waiting = status.captureWaiting, !waiting.isEmpty {
            lines.append("CAPTURE WAITING: " + waiting.joined(separator: "; "))
        }
        for (index, shard) in (status.shards ?? []).enumerated() {
            var line = "shard \(index):   \(shard.source), \(shard.frames) frames"
            if shard.backlogLimit > 0 {
                line += ", backlog \(shard.backlog)/\(shard.backlogLimit)"
                if shard.backlog >= shard.backlogLimit { line += " (FALLING BEHIND)" }
            } else {
                line += ", kernel drops \(shard.kernelDrops)"
                if let drops = shard.gateDrops, drops > 0 { line += ", DROPPED while a spool refused records \(drops)" }
            }
            lines.append(line)
        }
        lines.append(contentsOf: captureDetailLines(status))
        for sink in status.sinks ?? [] {
            lines.append(
                "sink:      \(sink.sink) \(sink.encapsulation): \(sink.received) received, \(sink.intercepted) "
                    + "intercepted, \(sink.wrongSource) from another source, \(sink.unrouted) for no warrant, "
                    + "\(sink.unusable) unusable"
            )
        }
        for handover in status.handovers {
            var parts: [String] = []
            if let reason = handover.unusable {
                parts.append("UNUSABLE: \(reason)")
            } else if handover.connected {
                parts.append("connected since \(handover.connectedSince ?? "?")")
            } else {
                parts.append("DOWN (\(handover.connectFailures) failed attempts)")
            }
            parts.append(handover.tlsVersion.map { "TLS \($0)" } ?? "plaintext")
            parts.append(
                "sent \(handover.recordsSent), acknowledged \(handover.recordsAcknowledged), "
                    + "spooled \(handover.recordsSpooled) (\(handover.bytesSpooled) bytes), \(handover.bytesSent) bytes sent"
            )
            if let roundTrip = handover.keepAliveRoundTripMillis {
                parts.append(String(format: "keep-alive rtt %.1f ms", roundTrip))
            }
            if let blocked = handover.spoolBlocked {
                parts.append("SPOOL REFUSES RECORDS: \(blocked), \(handover.recordsWaiting ?? 0) waiting in memory")
            }
            if let lost = handover.recordsLost, lost > 0 { parts.append("LOST \(lost) records") }
            if let peer = handover.peerCertificate { parts.append("peer \(peer)") }
            lines.append(
                "\(handover.agency) \(handover.interface) \(handover.address): " + parts.joined(separator: "; ")
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
