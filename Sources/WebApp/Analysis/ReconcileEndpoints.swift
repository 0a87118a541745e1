import DataImport
import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// Reconciliation (`procura reconcile`): `GET /api/v1/reconcile/intercompany` (shipped vs
/// received per company pair, goods in transit with their age — who sees planning data),
/// `POST /api/v1/reconcile/consignment` (a supplier's stock statement against our consignment and
/// VMI ledger — planners for any supplier, a supplier for itself only), and the page `/reconcile`.
struct ReconcileEndpoints {
    struct Pair: Codable {
        var fromCompany: String
        var toCompany: String
        var shippedQuantity: Double
        var receivedQuantity: Double
        var differenceQuantity: Double
        var shippedValue: Double
        var receivedValue: Double
        var differenceValue: Double
    }
    struct Transit: Codable {
        var reference: String
        var itemId: String
        var fromLocationId: String
        var fromCompany: String
        var toLocationId: String
        var toCompany: String
        var shippedOn: String
        var quantity: Double
        var value: Double
        var ageDays: Int
    }
    struct Intercompany: Codable {
        var asOf: String
        var pairs: [Pair]
        var inTransit: [Transit]
    }
    struct StatementLine: Codable {
        var itemId: String
        var locationId: String
        var quantity: Double
    }
    struct Statement: Codable {
        var supplierId: String
        var lines: [StatementLine]
    }
    struct Line: Codable {
        var itemId: String
        var locationId: String
        var statementQuantity: Double
        var ledgerQuantity: Double
        var difference: Double
        var status: String
    }
    struct Consignment: Codable {
        var supplierId: String
        var lines: [Line]
        var differences: Int
    }

    let state: WebState

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.get("reconcile/intercompany", use: intercompany)
        api.post("reconcile/consignment", use: consignment)
        pages.get("reconcile", use: page)
        pages.post("reconcile/consignment", use: pageStatement)
    }

    static func money(_ v: Int64) -> Double { Double(v) / Double(FixedPoint.moneyScale) }

    func intercompanyBody(asOf: Day) async throws -> Intercompany {
        let r = try await state.store.intercompanyReconciliation(asOf: asOf)
        return Intercompany(
            asOf: r.asOf.description,
            pairs: r.pairs.map {
                Pair(
                    fromCompany: $0.fromCompany, toCompany: $0.toCompany,
                    shippedQuantity: FixedPoint.quantityDouble($0.shippedQuantity),
                    receivedQuantity: FixedPoint.quantityDouble($0.receivedQuantity),
                    differenceQuantity: FixedPoint.quantityDouble($0.differenceQuantity),
                    shippedValue: Self.money($0.shippedValue), receivedValue: Self.money($0.receivedValue),
                    differenceValue: Self.money($0.differenceValue))
            },
            inTransit: r.inTransit.map {
                Transit(
                    reference: $0.reference, itemId: $0.itemID, fromLocationId: $0.fromLocationID, fromCompany: $0.fromCompany,
                    toLocationId: $0.toLocationID, toCompany: $0.toCompany, shippedOn: $0.shippedOn.description,
                    quantity: FixedPoint.quantityDouble($0.quantity), value: Self.money($0.value), ageDays: $0.ageDays)
            })
    }

    /// `as_of` of the query, else the data set's date.
    func asOf(_ query: QueryParameters) throws -> Day {
        guard let text = query.string("as_of") else { return state.plans.view.snapshot.asOf }
        guard let day = Day(iso: text) else {
            throw Problem.badRequest("as_of '\(text)' — expected a date YYYY-MM-DD", code: "invalid_parameter")
        }
        return day
    }

    @Sendable func intercompany(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.require(.viewPlanning)
        return try JSONResponse.encode(try await intercompanyBody(asOf: try asOf(QueryParameters(request))))
    }

    func consignmentBody(supplier: String, lines: [StockStatementLine]) async throws -> Consignment {
        let r = try await state.store.consignmentReconciliation(supplierID: supplier, statement: lines)
        return Consignment(
            supplierId: r.supplierID,
            lines: r.lines.map {
                Line(
                    itemId: $0.itemID, locationId: $0.locationID,
                    statementQuantity: FixedPoint.quantityDouble($0.statementQuantity),
                    ledgerQuantity: FixedPoint.quantityDouble($0.ledgerQuantity),
                    difference: FixedPoint.quantityDouble($0.difference),
                    status: $0.status)
            }, differences: r.differences.count)
    }

    @Sendable func consignment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requireViewer()
        let statement = try await JSONResponse.decode(Statement.self, from: request, context: context)
        let view = state.plans.view
        guard view.snapshot.supplierIndex(id: statement.supplierId) != nil,
            principal.seesEverything || statement.supplierId == principal.supplierID
        else { throw Problem.notFound("no supplier '\(statement.supplierId)'") }
        for (k, line) in statement.lines.enumerated() {
            if let problem = SupplierStatement.problem(quantity: line.quantity) {
                throw Problem.unprocessable("lines[\(k)].quantity \(line.quantity) — \(problem)", code: "invalid_statement")
            }
        }
        let lines = statement.lines.map {
            StockStatementLine(itemID: $0.itemId, locationID: $0.locationId, quantity: $0.quantity)
        }
        return try JSONResponse.encode(try await consignmentBody(supplier: statement.supplierId, lines: lines))
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let values = try await pageValues(asOf: try asOf(query), supplier: query.string("supplier"))
        return state.pages.page("reconcile", title: "Reconciliation", principal: principal, values: values)
    }

    /// `POST /reconcile/consignment`: a supplier's stock statement pasted or uploaded as CSV
    /// (`item_id,location_id,quantity`, read by DataImport's ``DataImport/SupplierStatement``, the
    /// reader of `procura reconcile consignment --statement`) against our ledger; the page shows
    /// every line with its status, or the statement's errors with their line and column.
    @Sendable func pageStatement(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        let supplier = form["supplier"] ?? ""
        guard state.plans.view.snapshot.supplierIndex(id: supplier) != nil else {
            throw Problem.notFound("no supplier '\(supplier)'")
        }
        var values = try await pageValues(asOf: state.store.clock.today(), supplier: supplier)
        let text = form["statement"] ?? ""
        values["statement_text"] = text
        let lines: [StockStatementLine]
        do {
            lines = try SupplierStatement.read(text: text, name: "statement", supplierID: supplier)
        } catch {
            values["statement_errors"] = error.message.split(separator: "\n").map { ["message": String($0)] }
            values["has_statement_errors"] = true
            return state.pages.page(
                "reconcile", title: "Reconciliation", principal: principal, values: values, status: .unprocessableContent)
        }
        let result = try await consignmentBody(supplier: supplier, lines: lines)
        values["comparison"] = [
            "supplier": supplier, "differences": Format.count(result.differences),
            "lines": result.lines.map { l -> [String: Any] in
                [
                    "item_id": l.itemId, "location_id": l.locationId, "statement": Format.number(l.statementQuantity),
                    "ledger": Format.number(l.ledgerQuantity), "difference": Format.number(l.difference),
                    "status": l.status.replacingOccurrences(of: "_", with: " "), "differs": l.status != "ok",
                ]
            },
        ]
        return state.pages.page("reconcile", title: "Reconciliation", principal: principal, values: values)
    }

    /// The page's figures: transfers as of `day`, and the supplier's consignment and VMI stock.
    func pageValues(asOf day: Day, supplier: String?) async throws -> [String: Any] {
        let ic = try await intercompanyBody(asOf: day)
        let view = state.plans.view
        let suppliers = view.snapshot.suppliers.map(\.id)
        let chosen = supplier.flatMap { s in suppliers.contains(s) ? s : nil }
        var values: [String: Any] = [
            "as_of": day.description,
            "pairs": ic.pairs.map { p -> [String: Any] in
                [
                    "from": p.fromCompany, "to": p.toCompany, "shipped": Format.number(p.shippedQuantity),
                    "received": Format.number(p.receivedQuantity),
                    "difference": Format.number(p.differenceQuantity), "difference_value": Format.money(p.differenceValue),
                ]
            },
            "transit": ic.inTransit.map { t -> [String: Any] in
                [
                    "reference": t.reference, "item_id": t.itemId, "from": t.fromLocationId, "to": t.toLocationId,
                    "shipped_on": t.shippedOn,
                    "quantity": Format.number(t.quantity), "value": Format.money(t.value), "age": Format.count(t.ageDays),
                ]
            },
            "suppliers": suppliers.map { ["id": $0, "selected": $0 == chosen] },
        ]
        if let chosen {
            let c = try await consignmentBody(supplier: chosen, lines: [])
            values["consignment"] = [
                "supplier": chosen,
                "lines": c.lines.map { l -> [String: Any] in
                    ["item_id": l.itemId, "location_id": l.locationId, "ledger": Format.number(l.ledgerQuantity)]
                },
            ]
        }
        return values
    }
}
