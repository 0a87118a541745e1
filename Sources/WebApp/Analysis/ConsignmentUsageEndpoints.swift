import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// Consignment and VMI usage — consumed supplier-owned stock, the lines of the supplier's invoice
/// (``Storage/Store/consignmentUsage(supplierID:from:to:)``): `GET /api/v1/consignment/usage`
/// and the page `/consignment`. Planners see every supplier's (or one, `supplier_id`); a supplier
/// sees only its own — another supplier's id answers 404.
struct ConsignmentUsageEndpoints {
    struct Line: Codable {
        var entryId: Int64
        var supplierId: String
        var owner: String
        var itemId: String
        var locationId: String
        var date: String
        var quantity: Double
        /// Prices and amounts only for those who see planning data (never for suppliers).
        var unitPrice: Double?
        var amount: Double?
    }
    struct Body: Codable {
        var lines: [Line]
        var totalQuantity: Double
        var totalAmount: Double?
    }

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("consignment/usage", use: show)
        pages.get("consignment", use: page)
    }

    func body(_ request: Request, context: AppRequestContext) async throws -> (Principal, String?, Day?, Day?, Body) {
        let principal = try context.requireViewer()
        let query = QueryParameters(request)
        var supplier = query.string("supplier_id").flatMap { $0.isEmpty ? nil : $0 }
        if !principal.seesEverything {
            if let asked = supplier, asked != principal.supplierID { throw Problem.notFound("no supplier '\(asked)'") }
            supplier = principal.supplierID ?? "\u{0}"
        }
        func day(_ name: String) throws -> Day? {
            guard let text = query.string(name), !text.isEmpty else { return nil }
            guard let d = Day(iso: text) else {
                throw Problem.badRequest("\(name) '\(text)' — expected a date YYYY-MM-DD", code: "invalid_parameter")
            }
            return d
        }
        let from = try day("from")
        let to = try day("to")
        let usage = try await state.store.consignmentUsage(supplierID: supplier, from: from, to: to)
        let prices = principal.seesEverything
        let lines = usage.map {
            Line(
                entryId: $0.entryID, supplierId: $0.supplierID, owner: $0.owner, itemId: $0.itemID, locationId: $0.locationID,
                date: $0.date,
                quantity: FixedPoint.quantityDouble($0.quantity),
                unitPrice: prices ? Double($0.unitPrice) / Double(FixedPoint.unitCostScale) : nil,
                amount: prices ? Double($0.amount) / Double(FixedPoint.moneyScale) : nil)
        }
        let body = Body(
            lines: lines, totalQuantity: lines.reduce(0) { $0 + $1.quantity },
            totalAmount: prices ? lines.reduce(0) { $0 + ($1.amount ?? 0) } : nil)
        return (principal, supplier, from, to, body)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.encode(try await body(request, context: context).4)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (principal, supplier, from, to, b) = try await body(request, context: context)
        let suppliers = principal.seesEverything ? state.plans.view.snapshot.suppliers.map(\.id) : []
        return state.pages.page(
            "consignment", title: "Consignment usage", principal: principal,
            values: [
                "planner": principal.seesEverything, "from": from?.description ?? "", "to": to?.description ?? "",
                "supplier": supplier ?? "", "suppliers": suppliers.map { ["id": $0, "selected": $0 == supplier] },
                "count": Format.count(b.lines.count), "total_quantity": Format.number(b.totalQuantity),
                "total_amount": b.totalAmount.map(Format.money) ?? false,
                "lines": b.lines.map { l -> [String: Any] in
                    [
                        "date": l.date, "supplier_id": l.supplierId, "owner": l.owner, "item_id": l.itemId,
                        "location_id": l.locationId,
                        "quantity": Format.number(l.quantity), "unit_price": l.unitPrice.map(Format.number) ?? "",
                        "amount": l.amount.map(Format.number) ?? "",
                        "planner": principal.seesEverything,
                    ]
                },
            ])
    }
}
