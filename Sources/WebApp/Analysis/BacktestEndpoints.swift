import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// The policy back-test (`procura backtest`): `GET /api/v1/backtest[?from=&to=]` and the page
/// `/backtest` — ``Planning/PolicyBacktest/planned(snapshot:options:progress:)`` on the database's
/// data as the server read it, computed once per view and window. Who sees planning data.
struct BacktestEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("backtest", use: show)
        pages.get("backtest", use: page)
    }

    func document(_ request: Request) async throws -> PolicyBacktestDocument {
        let query = QueryParameters(request)
        let from = try query.day("from")
        let to = try query.day("to")
        let view = state.plans.view
        return try await view.memo("backtest:\(from?.description ?? ""):\(to?.description ?? "")") {
            do {
                return try await PolicyBacktest.planned(
                    snapshot: view.snapshot, options: PolicyBacktestOptions(from: from, to: to))
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_parameter")
            }
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await document(request))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let d = try await document(request)
        func percent(_ x: Double?) -> String { x.map { Format.percent($0) } ?? "–" }
        let missed = d.lines.filter { $0.status != .ok }
        return state.pages.page(
            "backtest", title: "Policy back-test", principal: principal,
            values: [
                "from": d.from, "to": d.to, "buckets": String(d.buckets), "bucket": d.bucket,
                "measure": d.measure.replacingOccurrences(of: "_", with: " "), "tolerance": percent(d.tolerance),
                "classes": d.classes.map { c -> [String: Any] in
                    [
                        "class": c.class, "item_locations": Format.count(c.itemLocations), "target": percent(c.target),
                        "achieved": percent(c.achieved), "fill_rate": percent(c.fillRate),
                        "below_target": Format.count(c.belowTarget), "excess": Format.count(c.excess),
                    ]
                },
                "missed_count": Format.count(missed.count), "line_count": Format.count(d.lines.count),
                "skipped_count": Format.count(d.skipped.count),
                "missed": missed.prefix(500).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "location_id": l.locationId, "class": l.class, "parameters": l.parameters,
                        "target": percent(l.target), "achieved": percent(l.achieved),
                        "simulated_on_hand": Format.fixed(l.simulatedAverageOnHand, places: 1),
                        "recorded_on_hand": Format.fixed(l.recordedAverageOnHand, places: 1),
                        "planned": Format.fixed(l.plannedAverageInventory, places: 1), "status": l.status.rawValue,
                        "causes": l.causes.joined(separator: "; "),
                    ]
                },
            ])
    }
}
