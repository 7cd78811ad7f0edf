import Collector
import Mediator
import Packets

/// The text `run` prints to standard error when it ends: packets, sessions, records per LIID, handover and every
/// drop or parse error by cause.
struct RunSummary {
    var result: PipelineResult
    var handovers: [(HandoverEndpoint, HandoverStatistics)]
    var undelivered: [Mediator.Undelivered]
    var seconds: Double

    var text: String {
        var lines: [String] = ["openli-appliance run: summary"]
        let capture = result.capture
        let rate = seconds > 0 ? Int(Double(capture.packets) / seconds) : 0
        lines.append("  packets      \(capture.packets) in \(formatted(seconds)) s (\(rate) packets/s)")
        lines.append("  sessions     \(sessionLine(result.sessions))")
        lines.append("  calls        \(callLine(result.calls))")
        lines.append("  mail         \(mailLine(result.email))")
        lines.append("  mobile       \(mobileLine(result.mobile))")
        lines.append(contentsOf: mirrorLines)
        lines.append(
            "  signalling   \(capture.sessionPackets) session-protocol messages (RADIUS, SIP, mail segments, GTP-C), "
                + "\(capture.reassembled) reassembled"
        )
        lines.append("  tunnels      \(tunnelLine(capture.encapsulations))")
        lines.append("  fragments    \(fragmentLine(capture.fragments))")
        let iris = result.intercepts.reduce(0) { $0 + $1.iris }
        let ccs = result.intercepts.reduce(0) { $0 + $1.ccs }
        lines.append("  records      \(result.records) (IRI \(iris), CC \(ccs)), \(result.bytes) bytes")
        for intercept in result.intercepts {
            let types = intercept.irisByType
            lines.append(
                "  LIID \(intercept.liid): IRI \(intercept.iris) (BEGIN \(types[1]), CONTINUE \(types[3]), "
                    + "END \(types[2]), REPORT \(types[4])), CC \(intercept.ccs), CINs \(intercept.cins.count), "
                    + "HI1 \(intercept.hi1)"
            )
        }
        for (endpoint, stats) in handovers {
            lines.append(
                "  handover     \(endpoint.label): \(stats.recordsSent) records sent, "
                    + "\(stats.recordsAcknowledged) acknowledged, \(stats.bytesSent) bytes, "
                    + "\(stats.keepAlivesSent) keep-alives (\(stats.keepAliveTimeouts) unanswered), "
                    + "\(stats.connects) connects, \(stats.connectFailures) failed attempts, "
                    + "\(stats.disconnects) disconnects"
            )
        }
        lines.append("  drops        \(dropLine(capture))")
        lines.append("  parse errors \(causes(capture.sessionErrors))")
        if result.cinResets > 0 {
            lines.append("  cINReset     \(result.cinResets) streams restarted at 0 (numbering state was lost)")
        }
        if result.hashChecks > 0 || result.signatureChecks > 0 {
            lines.append(
                "  integrity    \(result.hashChecks) hash checks, \(result.signatureChecks) signatures (TRIs)"
            )
        }
        if result.protectionFailures > 0 {
            lines.append(
                "  NOT SENT     \(result.protectionFailures) records or checks: encryption or signing failed"
            )
        }
        if result.unplaced > 0 {
            lines.append("  UNPLACED     \(result.unplaced) records named an unknown warrant (pipeline fault)")
        }
        if capture.pausedMicros > 0 {
            lines.append(
                "  WAITED       \(formatted(Double(capture.pausedMicros) / 1_000_000)) s: capture waited while a spool "
                    + "or the sequence journal refused records"
            )
        }
        if result.journalFailures > 0 {
            lines.append(
                "  JOURNAL      \(result.journalFailures) sequence-number journal writes failed and were tried again"
            )
        }
        if result.recordsNotJournaled > 0 {
            lines.append(
                "  NOT SENT     \(result.recordsNotJournaled) records: stopped while the sequence journal could not be "
                    + "written (their numbers were not used)"
            )
        }
        for left in undelivered {
            lines.append("  UNDELIVERED  \(left.records) records for \(left.endpoint.label), kept in its spool")
            if left.lost > 0 {
                lines.append("  LOST         \(left.lost) records for \(left.endpoint.label): the disk was full")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func sessionLine(_ sessions: SessionStatistics) -> String {
        "opened \(sessions.opened), stopped \(sessions.stopped), silent log-offs \(sessions.silentLogoffs), "
            + "expired \(sessions.expired), NAS restarts \(sessions.nasRestarts), open \(sessions.open), "
            + "unpaired responses \(sessions.unpairedResponses), unknown sessions \(sessions.unknownSessions)"
    }

    private func mobileLine(_ mobile: MobileStatistics) -> String {
        let messages = mobile.messages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
            separator: ", "
        )
        return "\(mobile.opened) sessions opened, \(mobile.modified) modified, \(mobile.closed) closed, "
            + "\(mobile.rejected) rejected, \(mobile.expired) expired, \(mobile.open) open, "
            + "\(mobile.tunnels) tunnels followed, \(mobile.unansweredRequests) unanswered requests, "
            + "\(mobile.unmatchedResponses) unmatched responses, \(mobile.unknownSessions) for unknown sessions"
            + (messages.isEmpty ? "" : "; GTP-C \(messages)")
    }

    private func mailLine(_ mail: EmailStatistics) -> String {
        "\(mail.sessions) sessions seen, \(mail.intercepted) intercepted, \(mail.ended) ended, "
            + "\(mail.timedOut) timed out, \(mail.evicted) evicted, \(mail.startTLS) STARTTLS, \(mail.open) open, "
            + "\(mail.messages) messages (\(mail.interceptedMessages) intercepted), "
            + "\(mail.retransmissions) retransmissions"
    }

    private func callLine(_ calls: VoIPStatistics) -> String {
        "\(calls.callsIntercepted) intercepted, \(calls.callsEnded) ended, \(calls.callsExpired) expired, "
            + "\(calls.callsWithdrawn) withdrawn, \(calls.open) open, \(calls.legsJoined) legs joined, "
            + "\(calls.reports) REGISTER/MESSAGE reported, \(calls.afterEnd) after end, \(calls.sipMessages) SIP messages"
    }

    /// `vxlan 12, gre 18, erspan_i 0, erspan_ii 10, erspan_iii 8`: frames by the tunnels they were found inside.
    private func tunnelLine(_ counts: EncapsulationCounts) -> String {
        Encapsulations.named.map { "\($0.name) \(counts.frames(inside: $0.kind))" }.joined(separator: ", ")
    }

    /// `1 reassembled, 0 timed out, 0 overlapping, 0 evicted, 0 duplicates`: session sync's fragment reassembly.
    private func fragmentLine(_ fragments: ReassemblyStatistics) -> String {
        "\(fragments.reassembled) reassembled, \(fragments.timedOut) timed out, \(fragments.overlapping) overlapping, "
            + "\(fragments.evicted) evicted, \(fragments.duplicates) duplicates"
    }

    private func dropLine(_ capture: CaptureStatistics) -> String {
        var parts = ["kernel \(capture.kernelDrops)"]
        if capture.gateDrops > 0 { parts.append("WHILE A SPOOL REFUSED RECORDS \(capture.gateDrops)") }
        if capture.unsupportedLinkType > 0 { parts.append("unsupported link type \(capture.unsupportedLinkType)") }
        parts.append("undecodable: \(causes(capture.undecodable))")
        return parts.joined(separator: ", ")
    }

    private func causes(_ counts: [String: Int]) -> String {
        if counts.isEmpty { return "none" }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    private func formatted(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
