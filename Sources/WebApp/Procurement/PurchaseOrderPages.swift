import Foundation
import Hummingbird
import Storage
import Workflow

/// The purchase-order page `/purchase-orders`: the approval queue (proposed orders, newest last;
/// filtered by `supplier_id`, `location_id` and `approvable=1` — only what the viewer may approve
/// now) with what each order still needs and why (``Storage/Store/approvalOutlooks(_:for:)``),
/// approve, reject and change-quantity forms for those who may, a bulk approval of the orders
/// ticked (a tick only where the viewer may approve), and the latest other orders. The forms post to `/purchase-orders/approve` (bulk),
/// `/purchase-orders/{po_id}/approve`, `…/reject` and `…/change-quantity` (CSRF-checked) and call the
/// same ``Storage/Store/decidePurchaseOrders(_:key:)`` as the API; a refusal answers with the
/// workflow's reason and changes nothing.
struct PurchaseOrderPages {
    let state: WebState

    /// How many orders other than proposed ones the page lists (the API pages through all).
    static let otherOrders = 200

    func add(to router: Router<AppRequestContext>) {
        router.get("purchase-orders", use: page)
        router.post("purchase-orders/approve", use: approveTicked)
        router.post("purchase-orders/import", use: PurchaseOrderImportEndpoints(state: state).page)
        router.post("purchase-orders/manual", use: ManualOrderEndpoints(state: state).page)
        for (path, action) in [
            ("approve", PurchaseOrderAction.approve), ("reject", .reject), ("change-quantity", .changeQuantity),
        ] {
            router.post("purchase-orders/:po_id/\(path)") { request, context in
                try await decide(action, request: request, context: context)
            }
        }
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, principal: try context.require(.viewPlanning))
    }

    /// The page with `extra` values (the import form's errors) and `status`.
    func render(
        _ request: Request, principal: Principal, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let query = QueryParameters(request)
        let supplierFilter = query.string("supplier_id") ?? ""
        let locationFilter = query.string("location_id") ?? ""
        let approvableOnly = query.string("approvable") == "1"
        let proposed = Array(try await state.store.purchaseOrders(state: .proposed).reversed())
        let matching = proposed.filter {
            (supplierFilter.isEmpty || $0.supplierID == supplierFilter)
                && (locationFilter.isEmpty || $0.locationID == locationFilter)
        }
        let outlooks = try await state.store.approvalOutlooks(matching, for: principal.subject)
        let queue = zip(matching, outlooks).filter { !approvableOnly || $0.1.mayApprove }
        let others = try await state.store.purchaseOrders(limit: Self.otherOrders + proposed.count).filter {
            $0.state != .proposed
        }.prefix(Self.otherOrders)
        let session = principal.csrfToken != nil
        let canApprove = session && PurchaseOrderWorkflow.permits(principal.subject, .approve)
        let canChange = session && PurchaseOrderWorkflow.permits(principal.subject, .changeQuantity)
        let canImport = session && PurchaseOrderWorkflow.permits(principal.subject, .confirm)
        func row(_ o: PurchaseOrderRecord) -> [String: Any] {
            let own = o.createdBy == principal.userID || o.changers.contains(principal.userID)
            return [
                "po_id": o.poID, "state": o.state.rawValue.replacingOccurrences(of: "_", with: " "), "supplier_id": o.supplierID,
                "location_id": o.locationID, "value": Format.money(o.value), "currency": o.currency,
                "release_date": o.releaseDate, "created_by": o.createdBy, "approved_by": o.approvedBy, "reason": o.reason,
                "lines": o.lines.map { l -> [String: Any] in
                    [
                        "line": String(l.line), "item_id": l.itemID, "quantity": Format.number(l.purchaseQuantity),
                        "uom": l.purchaseUOM, "due_date": l.dueDate,
                    ]
                },
                "line_count": o.lines.count,
                "approvals": o.approvals.map { "\($0.userID) (\($0.level))" }.joined(separator: ", "),
                "own": own, "can_approve": canApprove && !own, "can_change": canChange,
            ]
        }
        func queued(_ order: PurchaseOrderRecord, _ outlook: ApprovalOutlook) -> [String: Any] {
            var r = row(order)
            r["needs"] =
                outlook.remainingLevels.isEmpty
                ? (outlook.chain.isEmpty ? "no level covers it" : "nothing more")
                : outlook.remainingLevels.joined(separator: " → ")
            r["escalations"] = outlook.escalations.map { "\($0.text) → \($0.level)" }
            r["may_approve"] = session && outlook.mayApprove
            r["outlook"] =
                outlook.mayApprove
                ? "you may approve" + (outlook.onBehalfOf.map { " (on behalf of \($0))" } ?? "") : outlook.blocker
            return r
        }
        let filtered = !supplierFilter.isEmpty || !locationFilter.isEmpty || approvableOnly
        var values: [String: Any] = [
            "queue": queue.map(queued), "others": others.map(row), "queue_count": Format.count(proposed.count),
            "queue_shown": Format.count(queue.count), "filtered": filtered, "filter_supplier_id": supplierFilter,
            "filter_location_id": locationFilter, "filter_approvable": approvableOnly,
            "can_approve": canApprove, "can_import": canImport,
            "message": QueryParameters(request).string("message") ?? false,
            "unmatched": try await state.store.unmatchedReceipts().suffix(Self.otherOrders).map { r -> [String: Any] in
                [
                    "key": r.key, "date": r.date, "item_id": r.itemId, "location_id": r.locationId, "po_id": r.poId,
                    "unmatched": Format.number(r.unmatched), "finding": r.finding.replacingOccurrences(of: "_", with: " "),
                    "detail": r.detail,
                ]
            },
        ]
        values.merge(extra) { _, new in new }
        return state.pages.page("purchase_orders", title: "Purchase orders", principal: principal, values: values, status: status)
    }

    /// One decision from a row's form.
    func decide(_ action: PurchaseOrderAction, request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("po_id")
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        var decision = PurchaseOrderDecisionRequest(
            poID: id, action: action, principal: principal.subject, reason: form["reason"] ?? "")
        if action == .changeQuantity {
            decision.line = try Self.number(form["line"], "line").map { value in
                guard let line = Int(exactly: value), line >= 1 else {
                    throw Problem.unprocessable("line '\(value)' — expected a line number ≥ 1", code: "invalid_quantity")
                }
                return line
            }
            decision.purchaseQuantity = try Self.number(form["quantity"], "quantity")
        }
        let order = try await state.store.decidePurchaseOrder(decision)
        return Self.done("\(order.poID) is \(order.state.rawValue.replacingOccurrences(of: "_", with: " "))")
    }

    /// The bulk approval: every order ticked (`po_<id>` fields), all or nothing.
    @Sendable func approveTicked(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let ids = form.fields.keys.filter { $0.hasPrefix("po_") }.map { String($0.dropFirst(3)) }.sorted()
        guard !ids.isEmpty else { throw Problem.unprocessable("tick the orders to approve", code: "nothing_selected") }
        let result = try await state.store.decidePurchaseOrders(
            ids.map { PurchaseOrderDecisionRequest(poID: $0, action: .approve, principal: principal.subject) })
        return Self.done(result.orders.map { "\($0.poID) is \($0.state.rawValue)" }.joined(separator: "; "))
    }

    /// A form's number field; 422 naming it when it is missing or not a number.
    static func number(_ text: String?, _ name: String) throws -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw Problem.unprocessable("\(name) '\(text)' — expected a number", code: "invalid_quantity")
        }
        return value
    }

    static func done(_ message: String) -> Response { .seeOther("/purchase-orders?message=\(queryEscape(message))") }
}
