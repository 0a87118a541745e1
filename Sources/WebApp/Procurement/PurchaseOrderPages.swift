import Foundation
import Hummingbird
import Storage
import Workflow

/// The purchase-order page `/purchase-orders`: the approval queue (proposed orders, with approve
/// and reject buttons for those who may approve) and every other order; its forms post to
/// `/purchase-orders/{po_id}/approve` and `/purchase-orders/{po_id}/reject` (CSRF-checked) and
/// call the same ``Storage/Store/decidePurchaseOrders(_:key:)`` as the API.
struct PurchaseOrderPages {
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("purchase-orders", use: page)
        router.post("purchase-orders/:po_id/approve") { request, context in
            try await decide(.approve, request: request, context: context)
        }
        router.post("purchase-orders/:po_id/reject") { request, context in
            try await decide(.reject, request: request, context: context)
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let orders = try await state.store.purchaseOrders()
        let canDecide = principal.allows(.approveOrders) && principal.csrfToken != nil
        func row(_ o: PurchaseOrderRecord) -> [String: Any] {
            [
                "po_id": o.poID, "state": o.state.rawValue.replacingOccurrences(of: "_", with: " "), "supplier_id": o.supplierID,
                "location_id": o.locationID, "value": Format.money(o.value), "currency": o.currency,
                "release_date": o.releaseDate, "created_by": o.createdBy, "approved_by": o.approvedBy, "reason": o.reason,
                "lines": o.lines.count,
                "approvals": o.approvals.map { "\($0.userID) (\($0.level))" }.joined(separator: ", "),
                "own": o.createdBy == principal.userID || o.changers.contains(principal.userID),
                "can_decide": canDecide,
            ]
        }
        let queue = orders.filter { $0.state == .proposed }.reversed().map(row)
        let others = orders.filter { $0.state != .proposed }.map(row)
        return state.pages.page(
            "purchase_orders", title: "Purchase orders", principal: principal,
            values: [
                "queue": queue, "others": others, "queue_count": Format.count(queue.count),
                "message": QueryParameters(request).string("message") ?? false,
            ])
    }

    func decide(_ action: PurchaseOrderAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("po_id")
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let order = try await state.store.decidePurchaseOrder(
            PurchaseOrderDecisionRequest(poID: id, action: action, principal: principal.subject, reason: form["reason"] ?? ""))
        let message = "\(order.poID) is \(order.state.rawValue.replacingOccurrences(of: "_", with: " "))"
        return .seeOther("/purchase-orders?message=\(queryEscape(message))")
    }
}
