import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// Manual purchase orders: `POST /api/v1/purchase-orders/manual` (JSON, `Idempotency-Key`) and the
/// page form `POST /purchase-orders/manual`, both calling
/// ``Storage/Store/createManualPurchaseOrder(_:key:)``: buyers and admins; when supply is already
/// coming for the item-location the order is refused (409, `already_coming`, the list in the
/// detail) unless `confirm_duplicate` gives the reason.
struct ManualOrderEndpoints {
    let state: WebState

    /// `{"supplier_id", "location_id", "item_id", "quantity", "due_date"?, "confirm_duplicate"?}`.
    struct Body: Decodable {
        var supplierId: String
        var locationId: String
        var itemId: String
        var quantity: Double
        var dueDate: String?
        var confirmDuplicate: String?
    }

    @Sendable func api(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let key = try IdempotencyKey(request)
        return try await state.idempotency.run(key) {
            let body = try await JSONResponse.decode(Body.self, from: request, context: context)
            let manual = try Self.request(
                supplier: body.supplierId, location: body.locationId, item: body.itemId, quantity: body.quantity,
                due: body.dueDate, reason: body.confirmDuplicate, principal: principal.subject)
            let result = try await state.store.createManualPurchaseOrder(manual, key: key.value)
            guard let order = result.orders.first else { throw Problem.notFound("the order was not created") }
            if result.replayed { return try JSONResponse.encode(order, headers: [.idempotentReplayed: "true"]) }
            return try JSONResponse.encode(order, status: .created)
        }
    }

    /// The page's form: `supplier_id`, `location_id`, `item_id`, `quantity`, `due_date`, `confirm_duplicate`.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        guard let quantity = try PurchaseOrderPages.number(form["quantity"], "quantity") else {
            throw Problem.unprocessable("quantity '' — expected a number > 0", code: "invalid_quantity")
        }
        let manual = try Self.request(
            supplier: form["supplier_id"] ?? "", location: form["location_id"] ?? "", item: form["item_id"] ?? "",
            quantity: quantity, due: form["due_date"], reason: form["confirm_duplicate"], principal: principal.subject)
        do {
            let order = try await state.store.createManualPurchaseOrder(manual).orders[0]
            return PurchaseOrderPages.done("\(order.poID) is proposed (manual order)")
        } catch let error as WorkflowError where error.code == .alreadyComing {
            let fields = ["supplier_id", "location_id", "item_id", "quantity", "due_date"]
            var values: [String: Any] = ["has_manual_error": true, "manual_error": error.message, "manual_needs_reason": true]
            for f in fields { values["manual_\(f)"] = form[f] ?? "" }
            return try await PurchaseOrderPages(state: state).render(
                request, principal: principal, extra: values, status: .conflict)
        }
    }

    static func request(
        supplier: String, location: String, item: String, quantity: Double, due: String?, reason: String?,
        principal: Authorization.Principal
    ) throws -> ManualOrderRequest {
        var day: Day? = nil
        if let due, !due.isEmpty {
            guard let parsed = Day(iso: due) else {
                throw Problem.unprocessable("due_date '\(due)' — expected YYYY-MM-DD", code: "invalid_date")
            }
            day = parsed
        }
        return ManualOrderRequest(
            supplierID: supplier, locationID: location, itemID: item, purchaseQuantity: quantity, dueDate: day,
            confirmDuplicate: reason ?? "", principal: principal)
    }
}
