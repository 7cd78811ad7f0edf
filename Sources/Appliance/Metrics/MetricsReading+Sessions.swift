import Collector
import Synchronization

extension MetricsReading {
    /// Sessions open, opened and ended by kind (ip, voip, email, mobile), calls, and session-protocol parse errors
    /// by protocol and cause, from what session sync last published.
    var syncSamples: [MetricSample] {
        let open: [(String, Int)] = [
            ("ip", counters.sessionsOpen.load(ordering: .relaxed)),
            ("voip", counters.callsOpen.load(ordering: .relaxed)),
            ("email", counters.mailSessionsOpen.load(ordering: .relaxed)),
            ("mobile", counters.mobileSessionsOpen.load(ordering: .relaxed)),
        ]
        var samples = open.map { MetricSample("sessions_open", [("kind", $0.0)], .level(Double($0.1))) }
        let report = counters.sync.withLock { $0 }
        let (ip, calls, email, mobile) = (report.sessions, report.calls, report.email, report.mobile)
        let opened: [(String, Int)] = [
            ("ip", ip.opened), ("voip", calls.callsIntercepted), ("email", email.sessions), ("mobile", mobile.opened),
        ]
        let ended: [(String, Int)] = [
            ("ip", ip.stopped + ip.silentLogoffs + ip.expired + ip.nasRestarts),
            ("voip", calls.callsEnded + calls.callsExpired + calls.callsWithdrawn),
            ("email", email.ended),
            ("mobile", mobile.closed + mobile.expired),
        ]
        samples += opened.map { MetricSample("sessions_opened_total", [("kind", $0.0)], .count($0.1)) }
        samples += ended.map { MetricSample("sessions_ended_total", [("kind", $0.0)], .count($0.1)) }
        samples += [
            MetricSample("calls_total", [("outcome", "intercepted")], .count(calls.callsIntercepted)),
            MetricSample("calls_total", [("outcome", "ended")], .count(calls.callsEnded)),
            MetricSample("calls_total", [("outcome", "expired")], .count(calls.callsExpired)),
            MetricSample("calls_total", [("outcome", "withdrawn")], .count(calls.callsWithdrawn)),
            MetricSample("sip_messages_total", [], .count(calls.sipMessages)),
            MetricSample("session_messages_total", [], .count(report.capture.sessionPackets)),
        ]
        for (key, count) in report.capture.sessionErrors.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "_", maxSplits: 1).map(String.init)
            let labels = [("protocol", parts.first ?? "unknown"), ("cause", parts.count > 1 ? parts[1] : "unknown")]
            samples.append(MetricSample("parse_errors_total", labels, .count(count)))
        }
        return samples
    }
}
