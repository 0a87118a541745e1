import Logging
import Prometheus
import Storage

/// Everything the routes share: the store, sign-in and tokens, the cached view of the latest plan
/// run, the plan-run jobs, the page renderer and the metrics registry.
final class WebState: Sendable {
    let store: Store
    let configuration: WebAppConfiguration
    let identity: IdentityService
    /// Idempotency keys of requests in flight.
    let idempotency = IdempotencyGate()
    let plans: PlanViewCache
    let runner: PlanRunner
    /// Back-tests, scenarios and stress tests run in the background with progress.
    let analyses: AnalysisJobs
    /// The stored data, read once per data stamp (the VMI operations).
    let latest = LatestSnapshot()
    let pages: PageRenderer
    let metrics: PrometheusCollectorRegistry
    let logger: Logger

    init(store: Store, configuration: WebAppConfiguration, view: PlanView, logger: Logger) throws {
        self.store = store
        self.configuration = configuration
        var identityConfiguration = IdentityService.Configuration()
        identityConfiguration.bcryptCost = configuration.bcryptCost
        identityConfiguration.sessionLifetime = .seconds(configuration.sessionLifetimeSeconds)
        identityConfiguration.cacheLifetime = .seconds(configuration.authCacheSeconds)
        identityConfiguration.tokenLifetimeDays = configuration.tokenLifetimeDays
        identityConfiguration.rateLimit = SignInRateLimiter.Configuration(
            maximumFailures: configuration.signInFailureLimit, window: .seconds(configuration.signInWindowSeconds),
            accountFailures: configuration.accountFailureLimit, addressFailures: configuration.accountFailureLimit)
        self.identity = IdentityService(store: store, configuration: identityConfiguration)
        self.plans = PlanViewCache(view)
        self.runner = PlanRunner(store: store, cache: plans, logger: logger)
        self.analyses = AnalysisJobs(clock: store.clock, logger: logger)
        self.pages = try PageRenderer()
        self.metrics = MetricsBootstrap.registry
        self.logger = logger
    }
}
