import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// Do the recommended buffers hold? (`procura risk --check-buffers`): `GET
/// /api/v1/risk/buffer-check[?replications=&seed=]` and the page `/risk/buffer-check` —
/// ``Planning/SupplyRiskBufferCheck/run(snapshot:plan:replications:seed:)`` on the server's view and
/// its plan, computed once per view and options. Who sees planning data.
struct RiskBufferCheckEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("risk/buffer-check", use: show)
        pages.get("risk/buffer-check", use: page)
    }

    func document(_ query: QueryParameters) async throws -> BufferCheckDocument {
        let (replications, seed) = try ScenarioEndpoints.options(
            replications: query.string("replications"), seed: query.string("seed"))
        let view = state.plans.view
        return try await view.memo("risk-buffer-check:\(replications ?? 1):\(seed ?? 1)") {
            let plan = await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init()) }
            do {
                return try await SupplyRiskBufferCheck.run(
                    snapshot: view.snapshot, plan: plan, replications: replications ?? 1, seed: seed ?? 1)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_data")
            }
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await document(QueryParameters(request)))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let d = try await document(QueryParameters(request))
        func percent(_ x: Double) -> String { x.isNaN ? "–" : Format.percent(x) }
        return state.pages.page(
            "risk_buffer_check", title: "Do the buffers hold?", principal: principal,
            values: [
                "scenario": d.scenario, "shocks": d.shocks.map { ["text": $0] }, "from": d.from, "to": d.to,
                "periods": String(d.periods), "period": d.period,
                "measure": d.measure.replacingOccurrences(of: "_", with: " "),
                "tolerance": Format.fixed(d.tolerance * 100, places: 0), "replications": String(d.replications),
                "checked": Format.count(d.checked), "buffer_holds": Format.count(d.bufferHolds),
                "buffer_short": Format.count(d.bufferShort), "holds_already": Format.count(d.holdsAlready),
                "too_large": d.tooLarge > 0 ? Format.count(d.tooLarge) : false,
                "not_measured": d.notMeasured > 0 ? Format.count(d.notMeasured) : false,
                "lines": d.lines.prefix(500).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "location_id": l.locationId, "class": l.class, "parameters": l.parameters,
                        "extra_buffer": Format.fixed(l.extraBuffer, places: 0), "target": percent(l.target),
                        "baseline": percent(l.baselineAchieved), "current": percent(l.currentAchieved),
                        "buffered": percent(l.bufferedAchieved), "verdict": l.verdict.replacingOccurrences(of: "_", with: " "),
                    ]
                },
            ])
    }
}
