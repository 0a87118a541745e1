import Hummingbird
import InventoryCore
import Planning
import Workflow

/// Phase-out and successors (`procura phase-out`): `GET /api/v1/phase-out` and the page
/// `/phase-out` — ``Planning/PhaseOutPlan/planned(snapshot:progress:)`` on the database's data as
/// the server read it, computed once per view. Who sees planning data (finance and planners among
/// them); suppliers get 403.
struct PhaseOutEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("phase-out", use: show)
        pages.get("phase-out", use: page)
    }

    func report() async throws -> PhaseOutReport {
        let view = state.plans.view
        return await view.memo("phase-out") { await PhaseOutPlan.planned(snapshot: view.snapshot) }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await report())
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let r = try await report()
        let quantity = { (x: Double) in Format.fixed(x, places: 1) }
        return state.pages.page(
            "phase_out", title: "Phase-out", principal: principal,
            values: [
                "as_of": r.asOf, "horizon_start": r.horizonStart, "horizon_end": r.horizonEnd,
                "switch_setting": r.switchDateSetting.map { $0 as Any } ?? false, "currency": r.currency,
                "pairs": Format.count(r.pairs),
                "surplus_qty": quantity(r.surplusQty), "surplus_value": Format.money(r.surplusValue),
                "shortfall_qty": quantity(r.shortfallQty), "overlaps": Format.count(r.overlaps),
                "overlap_value": Format.money(r.overlapValue), "empty": r.lines.isEmpty,
                "lines": r.lines.prefix(500).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "successor_id": l.successorId, "location_id": l.locationId,
                        "on_hand": quantity(l.onHand), "on_order": quantity(l.onOrder), "run_out": l.runOut ?? "—",
                        "switch_date": l.switchDate, "demand": quantity(l.demandUntilSwitch), "surplus": quantity(l.surplusQty),
                        "surplus_value": Format.money(l.surplusValue), "shortfall": quantity(l.shortfallQty),
                        "successor_stock": quantity(l.successorStockAtSwitch), "overlap": l.overlap,
                        "overlap_value": Format.money(l.overlapValue), "summary": l.summary,
                    ]
                },
            ])
    }
}
