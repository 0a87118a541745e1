import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// Multi-echelon buffers (`procura network echelons`): `GET /api/v1/network/echelons` and the page
/// `/network/echelons` — ``Planning/MultiEchelonReport/planned(snapshot:progress:)`` on the database's
/// data as the server read it, computed once per view. Who sees planning data; suppliers do not
/// (costs, other locations).
struct NetworkEchelonEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("network/echelons", use: show)
        pages.get("network/echelons", use: page)
    }

    func document() async throws -> MultiEchelonDocument {
        let view = state.plans.view
        return try await view.memo("network-echelons") {
            do {
                return try await MultiEchelonReport.planned(snapshot: view.snapshot)
            } catch let error as PolicyError {
                throw Problem.unprocessable(error.message, code: "invalid_data")
            }
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await document())
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let d = try await document()
        func row(_ t: MultiEchelonDocument.Totals) -> [String: Any] {
            [
                "name": t.name.isEmpty ? "(none)" : t.name, "items": Format.count(t.items),
                "locations": Format.count(t.locations), "held": Format.money(t.heldValue),
                "single": Format.money(t.singleStageValue), "echelon": Format.money(t.echelonValue),
                "saving": Format.money(t.savingValue), "held_minus": Format.money(t.heldMinusEchelonValue),
                "ssm_items": Format.count(t.ssmItems), "ssm_value": Format.money(t.ssmValue),
            ]
        }
        return state.pages.page(
            "network_echelons", title: "Multi-echelon buffers", principal: principal,
            values: [
                "as_of": d.asOf, "period": d.period, "transfer_days": Format.fixed(d.transferLeadTimeDays, places: 1),
                "items_with_lanes": Format.count(d.itemsWithLanes), "categories": d.byCategory.map(row), "total": row(d.total),
                "item_count": Format.count(d.lines.count), "ssm_items": Format.count(d.total.ssmItems),
                "ssm_value": Format.money(d.total.ssmValue), "ssm_echelon": Format.money(d.total.ssmEchelonValue),
                "ssm_single": Format.money(d.total.ssmSingleStageValue),
                "transfer_cost_rate": Format.percent(d.transferCostRate),
                "sites": d.lines.prefix(100).flatMap { l in
                    l.sites.enumerated().map { k, s -> [String: Any] in
                        [
                            "first": k == 0, "item_id": l.itemId, "category": l.category, "location": s.locationId,
                            "from": s.upstreamLocationId ?? "suppliers",
                            "transfer": s.transferDays.map { Format.fixed($0, places: 1) } ?? "",
                            "processing": String(s.processingPeriods), "cst": String(s.committedServiceTime),
                            "nrt": String(s.netReplenishmentTime),
                            "echelon": Format.fixed(s.safetyStockEchelon, places: 0),
                            "base_stock": Format.fixed(s.baseStockLevel + (s.ownDemandBaseStockLevel ?? 0), places: 0),
                            "held": Format.fixed(s.safetyStockHeld, places: 0),
                            "single": Format.fixed(s.safetyStockSingleStage, places: 0),
                            "ssm": s.ssmSafetyStock.map { Format.fixed($0, places: 0) } ?? "–", "ssm_note": l.ssmNote ?? "",
                            "saving": k == 0 ? Format.money(l.savingValue) : "",
                        ]
                    }
                },
                "skipped_count": Format.count(d.skipped.count),
                "skipped": d.skipped.prefix(100).map { ["item_id": $0.itemId, "reason": $0.reason] },
            ])
    }
}
