import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// Excess and obsolescence (`procura excess`, `procura aging`): `GET /api/v1/excess` and the page
/// `/excess` — ``Planning/ExcessExposure/planned(snapshot:progress:)`` on the database's data as the
/// server read it, computed once per view. Who sees planning data (finance among them).
struct ExcessEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("excess", use: show)
        pages.get("excess", use: page)
    }

    func document() async throws -> ExcessDocument {
        let view = state.plans.view
        return try await view.memo("excess") {
            do {
                return try await ExcessExposure.planned(snapshot: view.snapshot)
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
        let by = try QueryParameters(request).oneOf("by", ["category", "location", "class"]) ?? "category"
        let d = try await document()
        let groups: [ExcessDocument.Figures] =
            switch by {
            case "location": d.byLocation
            case "class": d.byClass
            default: d.byCategory
            }
        func row(_ f: ExcessDocument.Figures) -> [String: Any] {
            [
                "name": f.name, "item_locations": Format.count(f.itemLocations), "gross": Format.money(f.grossValue),
                "aged": f.agedValueByBucket.map { ["value": Format.money($0)] }, "excess": Format.money(f.excessValue),
                "obsolete": Format.money(f.obsoleteValue), "provision": Format.money(f.provisionValue),
                "net": Format.money(f.netValue),
            ]
        }
        return state.pages.page(
            "excess", title: "Excess and obsolescence", principal: principal,
            values: [
                "as_of": d.asOf, "by": ["category", "location", "class"].map { ["value": $0, "selected": $0 == by] },
                "grouping": by, "age_buckets": d.ageBuckets.map { ["label": $0] },
                "excess_rate": Format.percent(d.excessProvisionRate), "obsolete_rate": Format.percent(d.obsoleteProvisionRate),
                "obsolete_after": String(d.obsoleteAfterMonths), "groups": groups.map(row), "total": row(d.total),
                "line_count": Format.count(d.lines.count),
                "on_order": d.includeOnOrder
                    ? [
                        "qty": Format.fixed(d.total.onOrderQty, places: 0),
                        "excess_qty": Format.fixed(d.total.onOrderExcessQty, places: 0),
                        "excess_value": Format.money(d.total.onOrderExcessValue),
                    ] as [String: Any] : false,
                "lines": d.lines.prefix(200).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "location_id": l.locationId, "class": l.class, "category": l.category,
                        "on_hand": Format.fixed(l.onHandQty, places: 0), "gross": Format.money(l.grossValue),
                        "oldest": Format.count(l.oldestAgeDays), "excess": Format.money(l.excessValue), "obsolete": l.obsolete,
                        "provision": Format.money(l.provisionValue),
                    ]
                },
            ])
    }
}
