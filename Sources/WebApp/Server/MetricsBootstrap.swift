import Metrics
import Prometheus

/// swift-metrics' backend, set once per process: a Prometheus registry that `/metrics` prints.
/// Hummingbird's `MetricsMiddleware` (requests, durations, active requests) and Procura's own
/// metrics go through it.
enum MetricsBootstrap {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        // Prometheus names allow [a-zA-Z0-9_:]; Hummingbird's labels use dots (`hb.requests`).
        factory.nameAndLabelSanitizer = { name, dimensions in
            (sanitize(name), dimensions.map { (sanitize($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()
}

/// `hb.requests` → `hb_requests`: every character outside [a-zA-Z0-9_:] becomes `_`.
private func sanitize(_ name: String) -> String {
    String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
}
