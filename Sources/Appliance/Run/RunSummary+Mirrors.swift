import Collector
import Packets

extension RunSummary {
    /// `mirrors` (by shim format, only formats that were seen) and one `sink` line per UDP sink; none when the run
    /// saw no mirrored datagram and has no sink.
    var mirrorLines: [String] {
        var lines: [String] = []
        let seen = MirrorShimFormat.allCases.filter { result.mirrors.total(of: $0) > 0 }
        if !seen.isEmpty {
            let parts = seen.map { format in
                "\(format) "
                    + MirrorTally.Outcome.allCases.map { "\(result.mirrors.count(of: format, $0)) \($0.label)" }
                    .joined(separator: ", ")
            }
            lines.append("  mirrors      " + parts.joined(separator: "; "))
        }
        for sink in result.sinks {
            lines.append(
                "  sink         \(sink.sink) \(sink.encapsulation): \(sink.received) received, "
                    + "\(sink.intercepted) intercepted, \(sink.wrongSource) from another source, "
                    + "\(sink.unrouted) for no warrant, \(sink.unusable) unusable"
            )
        }
        return lines
    }
}
