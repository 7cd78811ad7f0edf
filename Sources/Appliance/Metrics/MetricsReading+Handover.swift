import ETSI
import Mediator

extension MetricsReading {
    /// Per agency and handover (HI2, HI3): records produced, sent, acknowledged, waiting and lost; the spool;
    /// the connection's state, connects and keep-alives.
    var handoverSamples: [MetricSample] {
        handovers.flatMap { entry -> [MetricSample] in
            let (endpoint, stats) = entry
            let labels = [("agency", endpoint.agency), ("handover", endpoint.handover.rawValue)]
            return [
                MetricSample("records_total", labels, .count(stats.recordsQueued)),
                MetricSample("records_sent_total", labels, .count(stats.recordsSent)),
                MetricSample("records_acknowledged_total", labels, .count(stats.recordsAcknowledged)),
                MetricSample("records_lost_total", labels, .count(stats.recordsLost)),
                MetricSample("records_unacknowledged", labels, .level(Double(stats.recordsSpooled))),
                MetricSample("records_waiting", labels, .level(Double(stats.recordsWaiting))),
                MetricSample("spool_bytes", labels, .level(Double(stats.bytesSpooled))),
                MetricSample("spool_blocked", labels, .level(stats.spoolBlock == nil ? 0 : 1)),
                MetricSample("handover_sent_bytes_total", labels, .count(stats.bytesSent)),
                MetricSample("handover_connected", labels, .level(stats.connected ? 1 : 0)),
                MetricSample("handover_usable", labels, .level(stats.unusableReason == nil ? 1 : 0)),
                MetricSample("handover_connects_total", labels, .count(stats.connects)),
                MetricSample("handover_reconnects_total", labels, .count(max(0, stats.connects - 1))),
                MetricSample("handover_connect_failures_total", labels, .count(stats.connectFailures)),
                MetricSample("handover_disconnects_total", labels, .count(stats.disconnects)),
                MetricSample("keepalives_sent_total", labels, .count(stats.keepAlivesSent)),
                MetricSample("keepalive_timeouts_total", labels, .count(stats.keepAliveTimeouts)),
            ]
        }
    }
}
