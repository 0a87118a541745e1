import Foundation
import Hummingbird
import InventoryCore
import Workflow

/// Stock over time (`procura stock --lots`, `procura stock --history`): `GET /api/v1/stock/lots`,
/// `GET /api/v1/stock/history` and the page `/stock` — the lots on hand (``InventoryCore/LotBook``)
/// and the end-of-day stock per position (``InventoryCore/Snapshot/stockHistory(from:to:itemID:locationID:stock:)``)
/// of the database's data as the server read it. Who sees planning data (lots carry costs).
struct StockOverTimeEndpoints {
    struct Lot: Codable, Sendable {
        var itemId: String
        var locationId: String
        var owner: String
        var supplierId: String
        var lotId: String
        var receivedDate: String
        var expiryDate: String?
        var quantity: Double
        var unitCost: Double
        var value: Double

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(itemId, forKey: .itemId)
            try c.encode(locationId, forKey: .locationId)
            try c.encode(owner, forKey: .owner)
            try c.encode(supplierId, forKey: .supplierId)
            try c.encode(lotId, forKey: .lotId)
            try c.encode(receivedDate, forKey: .receivedDate)
            if let expiryDate { try c.encode(expiryDate, forKey: .expiryDate) } else { try c.encodeNil(forKey: .expiryDate) }
            try c.encode(quantity, forKey: .quantity)
            try c.encode(unitCost, forKey: .unitCost)
            try c.encode(value, forKey: .value)
        }
    }
    struct Lots: Codable, Sendable { var lots: [Lot] }
    struct Day: Codable, Sendable {
        var date: String
        var itemId: String
        var locationId: String
        var owner: String
        var onHand: Double
        var value: Double
        var source: String
    }
    struct Difference: Codable, Sendable {
        var date: String
        var itemId: String
        var locationId: String
        var owner: String
        var ledgerOnHand: Double
        var recordedOnHand: Double
        var difference: Double
    }
    struct History: Codable, Sendable {
        var from: String
        var to: String
        var days: [Day]
        var differences: [Difference]
    }

    /// The longest history one request may ask for (days).
    static let longestWindow = 731

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("stock/lots", use: lots)
        api.get("stock/history", use: history)
        pages.get("stock", use: page)
    }

    /// The view's stock after every posting (``InventoryCore/Snapshot/stockPositions()``), replayed
    /// once per view for every lot list and stock walk.
    func stock() async -> SnapshotStock {
        let view = state.plans.view
        return await view.memo("stock-positions") { view.snapshot.stockPositions() }
    }

    func lotList(item: String?, location: String?) async -> Lots {
        Lots(
            lots: await stock().lots.lines(itemID: item, locationID: location).map { line in
                Lot(
                    itemId: line.position.itemID, locationId: line.position.locationID, owner: line.position.owner.rawValue,
                    supplierId: line.lot.supplierID, lotId: line.lot.lotID, receivedDate: line.lot.receivedDate.description,
                    expiryDate: line.lot.expiryDate?.description, quantity: FixedPoint.quantityDouble(line.lot.quantity),
                    unitCost: Double(line.lot.unitCost) / Double(FixedPoint.unitCostScale),
                    value: Double(line.value) / Double(FixedPoint.moneyScale))
            })
    }

    /// The window of a history request: `from`/`to` (default the 90 days up to the snapshot date),
    /// at most ``longestWindow`` days; an item is required (a company's every position and day is
    /// too much for one answer).
    func historyBody(_ request: Request) async throws -> History {
        let query = QueryParameters(request)
        guard let item = query.string("item_id") else {
            throw Problem.badRequest("query parameter 'item_id' is required", code: "invalid_parameter")
        }
        let snapshot = state.plans.view.snapshot
        let to = try query.day("to") ?? snapshot.asOf
        let from = try query.day("from") ?? to.adding(days: -89)
        guard from <= to, from.distance(to: to) < Self.longestWindow else {
            throw Problem.badRequest(
                "from \(from) … to \(to) must be a window of 1 to \(Self.longestWindow) days", code: "invalid_parameter")
        }
        return try await walk(item: item, location: query.string("location_id"), from: from, to: to)
    }

    /// The end-of-day stock of one item (at one location, or every one) from `from` to `to`, of
    /// the positions `keep` admits (default every owner); a figure the ledger's range cannot hold
    /// is 422 naming it.
    func walk(
        item: String, location: String?, from: InventoryCore.Day, to: InventoryCore.Day,
        keep: (PositionKey) -> Bool = { _ in true }
    ) async throws -> History {
        let snapshot = state.plans.view.snapshot
        let stock = await stock()
        let walk: StockHistory
        do {
            walk = try snapshot.stockHistory(from: from, to: to, itemID: item, locationID: location, stock: stock)
        } catch {
            throw Problem.unprocessable(error.message, code: "invalid_data")
        }
        return History(
            from: from.description, to: to.description,
            days: walk.days.filter { keep($0.position) }.map {
                Day(
                    date: $0.date.description, itemId: $0.position.itemID, locationId: $0.position.locationID,
                    owner: $0.position.ownerText, onHand: FixedPoint.quantityDouble($0.onHand),
                    value: Double($0.value) / Double(FixedPoint.moneyScale), source: $0.source.rawValue)
            },
            differences: walk.differences.filter { keep($0.position) }.map {
                Difference(
                    date: $0.date.description, itemId: $0.position.itemID, locationId: $0.position.locationID,
                    owner: $0.position.ownerText, ledgerOnHand: FixedPoint.quantityDouble($0.ledgerOnHand),
                    recordedOnHand: FixedPoint.quantityDouble($0.recordedOnHand),
                    difference: FixedPoint.quantityDouble($0.difference))
            })
    }

    @Sendable func lots(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        return try JSONResponse.encode(await lotList(item: query.string("item_id"), location: query.string("location_id")))
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await historyBody(request))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        guard let item = query.string("item_id") else {
            return state.pages.page(
                "stock", title: "Stock over time", principal: principal, values: ["ask": true, "item_id": ""])
        }
        let history = try await historyBody(request)
        let lots = await lotList(item: item, location: query.string("location_id"))
        return state.pages.page(
            "stock", title: "Stock over time of \(item)", principal: principal,
            values: [
                "item_id": item, "location_id": query.string("location_id") ?? "", "from": history.from, "to": history.to,
                "chart": StockChart.svg(history), "lot_count": Format.count(lots.lots.count),
                "lots": lots.lots.map { l -> [String: Any] in
                    [
                        "location_id": l.locationId, "owner": l.owner, "supplier_id": l.supplierId, "lot_id": l.lotId,
                        "received": l.receivedDate, "expiry": l.expiryDate ?? "", "quantity": Format.number(l.quantity),
                        "unit_cost": Format.fixed(l.unitCost, places: 4), "value": Format.money(l.value),
                    ]
                },
                "differences": history.differences.map { d -> [String: Any] in
                    [
                        "date": d.date, "location_id": d.locationId, "owner": d.owner,
                        "ledger": Format.number(d.ledgerOnHand), "recorded": Format.number(d.recordedOnHand),
                        "difference": Format.number(d.difference),
                    ]
                },
            ])
    }
}
