import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Workflow

/// The network report (`procura network`): `GET /api/v1/network` and the page `/network` —
/// ``Planning/NetworkReport/planned(snapshot:progress:)`` on the database's data as the server read
/// it, computed once per view. Who sees planning data; suppliers do not (costs, other locations).
struct NetworkEndpoints {
    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("network", use: show)
        pages.get("network", use: page)
    }

    func document() async throws -> NetworkDocument {
        let view = state.plans.view
        return try await view.memo("network") {
            do {
                return try await NetworkReport.planned(snapshot: view.snapshot)
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
        func row(_ t: NetworkDocument.Totals) -> [String: Any] {
            [
                "name": t.name.isEmpty ? "(none)" : t.name, "items": Format.count(t.items), "held": Format.money(t.heldValue),
                "decentralised": Format.money(t.decentralisedValue), "pooled": Format.money(t.pooledValue),
                "saving": Format.money(t.savingValue), "pipeline": Format.money(t.pipelineChangeValue),
                "net": Format.money(t.netValue), "worth": Format.count(t.itemsWorthPooling),
            ]
        }
        return state.pages.page(
            "network", title: "Network", principal: principal,
            values: [
                "as_of": d.asOf, "period": d.period, "locations": d.locations.joined(separator: ", "),
                "minimum_overlap": String(d.minimumOverlap), "categories": d.byCategory.map(row), "total": row(d.total),
                "item_count": Format.count(d.lines.count),
                "lines": d.lines.prefix(200).map { l -> [String: Any] in
                    [
                        "item_id": l.itemId, "category": l.category, "sites": l.sites.map(\.locationId).joined(separator: ", "),
                        "central": l.centralLocationId,
                        "correlation": l.correlationBasis == "measured"
                            ? l.correlations.map { "\($0.locations) \(Format.fixed($0.correlation, places: 2))" }
                                .joined(separator: "; ")
                            : "independent (\(l.overlapPeriods) common periods)",
                        "held": Format.fixed(l.safetyStockHeld, places: 0),
                        "decentralised": Format.fixed(l.safetyStockDecentralised, places: 0),
                        "pooled": Format.fixed(l.safetyStockPooled, places: 0), "saving": Format.money(l.savingValue),
                        "pipeline": Format.money(l.pipelineChangeValue), "net": Format.money(l.netValue),
                    ]
                },
            ])
    }
}
