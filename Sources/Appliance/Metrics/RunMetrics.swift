import Warrants

/// A run's metrics when `--metrics HOST:PORT` asks for them: where to serve them, and the registry that keeps them
/// (made before the mediator, which records keep-alive round trips into it).
struct RunMetrics: Sendable {
    /// Where to listen.
    let endpoint: Endpoint
    /// Where the metrics are kept.
    let registry: MetricsRegistry

    /// The run's metrics; nil when `options` asks for none. A usage error (exit 2) naming `--metrics` when its value
    /// is not `HOST:PORT` or `[v6]:PORT` with a port in 1-65535.
    init?(_ options: RunOptions) throws(ApplianceError) {
        guard let text = options.metricsEndpoint else { return nil }
        guard let endpoint = Endpoint(parsing: text) else {
            throw ApplianceError(
                .usage,
                "run: --metrics \"\(text)\" is not HOST:PORT (a host name or address, and a port in 1-65535)"
            )
        }
        self.endpoint = endpoint
        registry = MetricsRegistry()
    }
}
