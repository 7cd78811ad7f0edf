import Warrants

/// A run's metrics when `--metrics HOST:PORT` asks for them: where to serve them, and the registry that keeps them
/// (made before the mediator, which records keep-alive round trips into it).
struct RunMetrics: Sendable {
    /// Where to listen.
    let endpoint: Endpoint
    /// Where the metrics are kept.
    let registry: MetricsRegistry

    /// The run's metrics; nil when `options` asks for none. A usage error (exit 2) naming `--metrics` when its value
    /// is not `HOST:PORT` or `[v6]:PORT` with a port in 0-65535 (0: one the system picks, which the log names).
    init?(_ options: RunOptions) throws(ApplianceError) {
        guard let text = options.metricsEndpoint else { return nil }
        let anyPort = text.hasSuffix(":0")
        guard let endpoint = Endpoint(parsing: anyPort ? text.dropLast() + "1" : text) else {
            throw ApplianceError(
                .usage,
                "run: --metrics \"\(text)\" is not HOST:PORT (a host name or address, and a port in 0-65535)"
            )
        }
        self.endpoint = anyPort ? Endpoint(host: endpoint.host, port: 0) : endpoint
        registry = MetricsRegistry()
    }
}
