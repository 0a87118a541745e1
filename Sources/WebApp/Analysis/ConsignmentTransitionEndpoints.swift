import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// Consignment → owned (`procura consignment-transition`): `GET /api/v1/consignment/transition`
/// and the page `/consignment/transition` — ``Planning/ConsignmentTransitionReport/run(snapshot:plan:uplift:)``
/// over the view's plan (planned once per view). Who sees planning data; suppliers do not (costs,
/// prices).
struct ConsignmentTransitionEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("consignment/transition", use: show)
        pages.get("consignment/transition", use: page)
    }

    /// The report with the request's `uplift` (absent: each line's observed uplift).
    func document(_ request: Request) async throws -> ConsignmentTransitionDocument {
        var uplift: Double?
        if let text = QueryParameters(request).string("uplift") {
            guard let value = Double(text) else {
                throw Problem.badRequest(
                    "query parameter 'uplift' must be a number (0.04 = 4 %), got '\(text.prefix(40))'",
                    code: "invalid_parameter")
            }
            uplift = value
        }
        let view = state.plans.view
        let plan = await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init()) }
        do {
            return try ConsignmentTransitionReport.run(snapshot: view.snapshot, plan: plan, uplift: uplift)
        } catch {
            throw Problem.badRequest("query parameter 'uplift': " + error.message, code: "invalid_parameter")
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await document(request))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let d = try await document(request)
        func money(_ value: Double?) -> String { value.map(Format.money) ?? "" }
        return state.pages.page(
            "consignment_transition", title: "Consignment → owned", principal: principal,
            values: [
                "as_of": d.asOf, "count": Format.count(d.lines.count), "move_count": Format.count(d.moveToOwned),
                "saving": Format.money(d.savingIfMoved), "premium": Format.money(d.consignmentPremium),
                "uplift": d.uplift.map { String($0) } ?? "",
                "lines": d.lines.prefix(500).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "location_id": l.locationId, "supplier": l.supplierId, "xyz": l.xyz,
                        "cv": l.coefficientOfVariation.map { Format.fixed($0, places: 2) } ?? "",
                        "annual": Format.fixed(l.annualDemand, places: 0), "unit_cost": Format.fixed(l.unitCost, places: 2),
                        "price": Format.fixed(l.consignmentPrice, places: 2),
                        "uplift": l.upliftRate.map { Format.fixed($0 * 100, places: 1) + " %" } ?? "",
                        "premium": money(l.result?.consignmentPremium), "holding": money(l.result?.ownedHoldingCost),
                        "ordering": money(l.result?.ownedOrderingCost), "saving": money(l.result?.savingIfOwned),
                        "move": l.decision == "move_to_owned", "erratic": l.erraticDemand, "reason": l.reason,
                    ]
                },
                "skipped": d.skipped.prefix(100).map {
                    ["item_id": $0.itemId, "location_id": $0.locationId, "reason": $0.reason]
                },
            ])
    }
}
