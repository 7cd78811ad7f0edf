import Collector
import Packets

extension StatusText {
    /// `tunnels:` (in the summary's order of kinds), `fragments:`, one `mirror:` line per shim format (outcomes
    /// in the summary's order) and `integrity:`; nothing for what the status does not carry.
    static func captureDetailLines(_ status: ApplianceStatus) -> [String] {
        var lines: [String] = []
        if let tunnels = status.tunnels, !tunnels.isEmpty {
            let kinds = Encapsulations.named.map(\.name)
            lines.append(
                "tunnels:   " + ordered(tunnels, by: kinds).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            )
        }
        if let fragments = status.fragments {
            lines.append(
                "fragments: \(fragments.reassembled) reassembled, \(fragments.timedOut) timed out, "
                    + "\(fragments.overlapping) overlapping, \(fragments.evicted) evicted, \(fragments.duplicates) duplicates"
            )
        }
        let outcomes = MirrorTally.Outcome.allCases.map(\.label)
        for format in MirrorShimFormat.allCases.map({ "\($0)" }) {
            guard let counts = status.mirrors?[format] else { continue }
            lines.append(
                "mirror:    \(format): "
                    + ordered(counts, by: outcomes).map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            )
        }
        if let integrity = status.integrity {
            var line = "integrity: \(integrity.hashChecks) hash checks, \(integrity.signatures) signatures sent"
            if integrity.failures > 0 { line += ", NOT SENT \(integrity.failures) (encryption or signing failed)" }
            lines.append(line)
        }
        return lines
    }

    /// The entries of `counts` with the keys of `order` first, in that order, then any others by name.
    private static func ordered(_ counts: [String: Int], by order: [String]) -> [(key: String, value: Int)] {
        let known = order.compactMap { key in counts[key].map { (key: key, value: $0) } }
        let others = counts.filter { !order.contains($0.key) }.sorted { $0.key < $1.key }.map {
            (key: $0.key, value: $0.value)
        }
        return known + others
    }
}
