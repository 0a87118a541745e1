import Foundation
import Hummingbird
import InventoryCore
import Planning
import Workflow

/// The kanban board (`procura kanban`): `GET /api/v1/kanban` and the page `/kanban` —
/// ``Planning/KanbanReport/planned(snapshot:progress:)`` on the database's data as the server read
/// it, computed once per view. Who sees planning data.
struct KanbanEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("kanban", use: show)
        pages.get("kanban", use: page)
    }

    func document() async throws -> KanbanDocument {
        let view = state.plans.view
        return try await view.memo("kanban") { await KanbanReport.planned(snapshot: view.snapshot) }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await document())
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let d = try await document()
        return state.pages.page(
            "kanban", title: "Kanban board", principal: principal,
            values: [
                "as_of": d.asOf, "loop_count": Format.count(d.loops.count), "cards": Format.count(d.totalCards),
                "planned_count": Format.count(d.plannedLoops),
                "max_value": Format.money(d.maxInventoryValue), "current_value": Format.money(d.currentMaximumValue),
                "loops": d.loops.prefix(300).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "location_id": l.locationId, "class": l.class, "supplier": l.supplierId,
                        "daily": Format.fixed(l.dailyDemand, places: 1), "lead": Format.fixed(l.leadTimeDays, places: 0),
                        "alpha": Format.fixed(l.safetyFactor, places: 2), "container": Format.count(l.containerSize),
                        "basis": l.containerBasis.replacingOccurrences(of: "_", with: " "), "cards": Format.count(l.cards),
                        "full": Format.count(l.cardsFull), "empty": Format.count(max(0, l.cards - l.cardsFull)),
                        "max": Format.count(l.maxInventory), "current": Format.fixed(l.currentMaximum, places: 0),
                        "planned": l.planned ? "runs" : "recommended",
                    ]
                },
                "skipped": d.skipped.prefix(100).map {
                    ["item_id": $0.itemId, "location_id": $0.locationId, "reason": $0.reason]
                },
                "skipped_count": Format.count(d.skipped.count),
            ])
    }
}
