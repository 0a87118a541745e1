import Foundation
public import Hummingbird
import HummingbirdAuth
public import Logging
import NIOCore
import Prometheus
public import Storage

/// The web application: routes, middleware, and the server under swift-service-lifecycle.
///
/// ```swift
/// let store = try await Store.open(url)
/// try await WebServer.run(store: store, configuration: .init(port: 8080), logger: logger)
/// ```
public enum WebServer {
    /// Builds the application (for `run` and for tests) over an open store.
    public static func application(
        store: Store, configuration: WebAppConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let view = try await PlanView.load(from: store)
        let state = try WebState(store: store, configuration: configuration, view: view, logger: logger)
        let router = buildRouter(state: state)
        var app = Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: configuration.serverName),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "http://\(configuration.host):\($0.port ?? configuration.port)" } ?? "?"
                await onServerRunning(address)
            },
            logger: logger)
        app.addServices(SessionSweeper(store: store, logger: logger))
        return app
    }

    /// Runs the server until SIGINT or SIGTERM, then shuts down gracefully (requests in flight
    /// finish; the store is closed by the caller).
    public static func run(
        store: Store, configuration: WebAppConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws {
        let app = try await application(
            store: store, configuration: configuration, logger: logger, onServerRunning: onServerRunning)
        try await app.runService()
    }

    static func buildRouter(state: WebState) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ErrorMiddleware(pages: state.pages))
        router.add(
            middleware: PrincipalMiddleware(
                identity: state.identity, cookies: SessionCookies(secureCookies: state.configuration.secureCookies)))

        SystemRoutes(state: state).add(to: router)
        let api = router.group("api/v1")
        ItemRoutes(state: state).add(to: api)
        LedgerRoutes(state: state).add(to: api)
        PlanRunRoutes(state: state).add(to: api)
        OverrideRoutes(state: state).add(to: api)
        AccountRoutes(state: state).add(to: api)
        api.get("dashboard", use: DashboardAPI(state: state).show)

        SessionPages(state: state).add(to: router)
        DashboardPage(state: state).add(to: router)
        ItemsPage(state: state).add(to: router)
        ItemPage(state: state).add(to: router)
        PlanRunPages(state: state).add(to: router)
        AuditPage(state: state).add(to: router)
        ChecksEndpoints(state: state).add(api: api, pages: router)
        ReconcileEndpoints(state: state).add(api: api, pages: router)
        ConsignmentUsageEndpoints(state: state).add(api: api, pages: router)
        VMIAgreementEndpoints(state: state).add(api: api, pages: router)
        VMIOperationsEndpoints(state: state).add(api: api, pages: router)
        PostmortemEndpoints(state: state).add(api: api, pages: router)
        ConsignmentTransitionEndpoints(state: state).add(api: api, pages: router)
        SupplierScorecardEndpoints(state: state).add(api: api, pages: router)
        SharingEndpoints(state: state).add(api: api)
        SharingPages(state: state).add(pages: router)
        ProposalEndpoints(state: state).add(api: api, pages: router)
        PurchaseOrderEndpoints(state: state).add(api: api, pages: router)
        UnmatchedReceiptEndpoints(state: state).add(api: api)
        AccuracyEndpoints(state: state).add(api: api, pages: router)
        BacktestEndpoints(state: state).add(api: api, pages: router)
        ScenarioEndpoints(state: state).add(api: api, pages: router)
        PrepositionEndpoints(state: state).add(api: api, pages: router)
        AnalysisJobEndpoints(state: state).add(api: api, pages: router)
        RiskBufferCheckEndpoints(state: state).add(api: api, pages: router)
        ScenarioSpecEndpoints(state: state).add(api: api, pages: router)
        ExcessEndpoints(state: state).add(api: api, pages: router)
        ExposureEndpoints(state: state).add(api: api, pages: router)
        PhaseOutEndpoints(state: state).add(api: api, pages: router)
        ProcessMapEndpoints(state: state).add(api: api, pages: router)
        RiskEndpoints(state: state).add(api: api, pages: router)
        RedundancyPlanEndpoints(state: state).add(api: api, pages: router)
        KanbanEndpoints(state: state).add(api: api, pages: router)
        NetworkEndpoints(state: state).add(api: api, pages: router)
        NetworkEchelonEndpoints(state: state).add(api: api, pages: router)
        WorkingCapitalEndpoints(state: state).add(api: api, pages: router)
        ProvisionEndpoints(state: state).add(api: api, pages: router)
        DispositionEndpoints(state: state).add(api: api, pages: router)
        ChangeSetEndpoints(state: state).add(api: api, pages: router)
        EmergencyEndpoints(state: state).add(api: api, pages: router)
        ApprovalRuleEndpoints(state: state).add(api: api, pages: router)
        StockOverTimeEndpoints(state: state).add(api: api, pages: router)
        KPIHistoryEndpoints(state: state).add(api: api, pages: router)
        ReclassificationEndpoints(state: state).add(api: api, pages: router)
        CalcEndpoints(state: state).add(api: api, pages: router)
        CaseCalcEndpoints(state: state).add(api: api, pages: router)
        MethodNotAllowed.register(on: router)  // last: after every route
        return router
    }
}

/// `/health`, `/metrics`, `/openapi.yaml`, `/static/app.css` — no sign-in needed.
struct SystemRoutes {
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("health", use: health)
        router.get("metrics", use: metrics)
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_yaml)))
        }
        router.get("static/app.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: PackageResources.app_css)))
        }
    }

    /// `{"status":"ok","database":"ok","plan_run":N}`; 503 when the database does not answer.
    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            _ = try await state.store.schemaVersions()
        } catch {
            return JSONResponse.text("{\"status\":\"unavailable\",\"database\":\"unreachable\"}", status: .serviceUnavailable)
        }
        let run = state.plans.view.run.map { String($0.runNumber) } ?? "null"
        return JSONResponse.text("{\"status\":\"ok\",\"database\":\"ok\",\"plan_run\":\(run)}")
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        var buffer: [UInt8] = []
        state.metrics.emit(into: &buffer)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
}
