import Storage
import InventoryCore
import Hummingbird
import Workflow

/// `GET /api/v1/dashboard`: the dashboard's figures as JSON (who sees planning data).
struct DashboardAPI {
    struct GroupJSON: Codable {
        var name: String
        var itemLocations: Int
        var inventoryValue: Double
        var annualValue: Double
        var turns: Double?
        var daysOnHand: Double?
        var fillRate: Double?
        var stockoutDays: Int
        var stockoutItemLocations: Int
    }
    struct CellJSON: Codable {
        var abc: String
        var xyz: String
        var count: Int
        var value: Double
        var share: Double
    }
    struct AlertJSON: Codable {
        var kind: String
        var count: Int
        var top: [[String: String]]
    }
    struct Body: Codable {
        var runNumber: Int?
        var asOf: String
        var currency: String
        var windowBuckets: Int
        var total: GroupJSON
        var byCategory: [GroupJSON]
        var byLocation: [GroupJSON]
        var matrix: [CellJSON]
        var alerts: [AlertJSON]
    }

    let state: WebState

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let view = state.plans.view
        let d = DashboardData.of(view)
        func g(_ x: DashboardData.Group) -> GroupJSON {
            GroupJSON(
                name: x.name, itemLocations: x.itemLocations, inventoryValue: x.inventoryValue, annualValue: x.annualValue, turns: x.turns,
                daysOnHand: x.daysOnHand, fillRate: x.fillRate, stockoutDays: x.stockoutDays, stockoutItemLocations: x.stockoutItemLocations)
        }
        return try JSONResponse.encode(
            Body(
                runNumber: view.run?.runNumber, asOf: view.snapshot.asOf.description, currency: view.currency, windowBuckets: d.windowBuckets,
                total: g(d.total), byCategory: d.byCategory.map(g), byLocation: d.byLocation.map(g),
                matrix: d.matrix.map { CellJSON(abc: $0.abc, xyz: $0.xyz, count: $0.count, value: $0.value, share: $0.share) },
                alerts: d.alerts.map { a in
                    AlertJSON(kind: a.kind, count: a.count, top: a.top.map { ["item_id": $0.itemID, "location_id": $0.locationID, "text": $0.text] })
                }))
    }
}
