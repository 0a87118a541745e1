import Hummingbird
import Workflow

/// `GET /api/v1/dashboard`: the inventory KPIs as JSON (who sees planning data) — the document
/// `procura kpis --format json` prints.
struct DashboardAPI {
    let state: WebState

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(state.plans.view.kpis)
    }
}
