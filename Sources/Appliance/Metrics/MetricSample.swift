/// One value of one metric series as the run reads it: a name (`openli_appliance_*`), its labels and its value.
///
/// Labels carry agency names, handovers, kinds and causes, never a LIID, a user name, an address or a mailbox:
/// metrics can be handed to an operations team.
struct MetricSample: Sendable, Equatable {
    /// What the value is, which decides the Prometheus type.
    enum Value: Sendable, Equatable {
        /// A count that only grows (a Prometheus counter, its name ending in `_total`).
        case count(Int)
        /// Seconds that only grow (a counter, `_seconds_total`).
        case seconds(Double)
        /// A level that goes up and down (a gauge).
        case level(Double)
    }

    /// The metric's name.
    var name: String
    /// Label names and values, in a fixed order per name.
    var labels: [(String, String)]
    /// The value.
    var value: Value

    /// A sample.
    init(_ name: String, _ labels: [(String, String)] = [], _ value: Value) {
        self.name = "openli_appliance_" + name
        self.labels = labels
        self.value = value
    }

    /// A key unique per series: the name and the labels.
    var key: String {
        labels.reduce(name) { $0 + "|" + $1.0 + "=" + $1.1 }
    }

    static func == (lhs: MetricSample, rhs: MetricSample) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value
    }
}
