import InventoryCore
import SQLKit
import Workflow

/// One decision applied inside an open transaction: read the order, let the workflow decide,
/// update the header conditionally on the state and version read (first, so that a concurrent
/// writer fails before it writes anything else), then the lines, approvals, history and audit log.
struct PurchaseOrderTransition {
    let request: PurchaseOrderDecisionRequest
    let rules: ApprovalRules
    let now: String
    let today: Day
    let db: any SQLDatabase
    /// What caused the decision, added to the history's detail (`ledger receipt R1`; empty: a person).
    var source = ""

    func apply() async throws {
        let id = request.poID
        guard let order = try await PurchaseOrderRows.load([id], db).first else {
            throw StorageError(.unknownPurchaseOrder, "no purchase order '\(id)' — list them with procura po list")
        }
        let user = request.principal.userID
        var context = ApprovalContext()
        var grants: [ApprovalGrant] = []
        if request.action == .approve {
            context = try await ApprovalFactsReader.context(order, today: today, db)
            grants = try await ApprovalFactsReader.grants(to: user, today: today, db)
        }
        let decision = try PurchaseOrderWorkflow.decide(
            request.action, on: order.facts, by: request.principal, reason: request.reason, rules: rules, context: context,
            grants: grants)
        var state = decision.state
        var sets = SQLQueryString("reason = reason")
        var detail = ""
        var lineUpdates: [(line: Int, received: Int64?, quantity: Int64?, purchase: Int64?, value: Int64?, price: Int64?)] = []
        switch request.action {
        case .approve:
            let level = decision.approvalLevel ?? ""
            detail =
                decision.remainingLevels.isEmpty
                ? "level \(level): approved" : "level \(level); still needed: \(decision.remainingLevels.joined(separator: ", "))"
            if let delegator = decision.onBehalfOf {
                let id = grants.first { $0.delegator == delegator }?.delegationID ?? ""
                detail += " (on behalf of \(delegator), delegation \(id))"
            }
            if !decision.escalations.isEmpty {
                detail += "; escalated: " + decision.escalations.map { "\($0.text) → \($0.level)" }.joined(separator: "; ")
            }
            if state == .approved { sets = "approved_by = \(bind: user), approved_at = \(bind: now)" }
        case .reject, .cancel:
            sets = "reason = \(bind: decision.reason)"
            detail = decision.reason
        case .changeQuantity:
            let change = try await quantityChange(order)
            lineUpdates.append((change.line.line, nil, change.quantity, change.purchase, change.value, change.price))
            guard let total = FixedPoint.add(change.otherValue, change.value) else {
                throw StorageError(.valueOutOfRange, "purchase order \(id): the value of its lines is out of range")
            }
            sets =
                "reason = \(bind: decision.reason), changed_by = \(bind: user), changed_at = \(bind: now), value = \(bind: total), approved_by = '', approved_at = ''"
            detail = PurchaseOrderQuantityChange.detail(
                line: change.line.line, itemID: change.line.itemID, from: change.line.purchaseQuantity,
                to: request.purchaseQuantity ?? 0, uom: change.line.purchaseUOM,
                price: change.repriced ? (change.line.unitPrice, Double(change.price) / Double(FixedPoint.unitCostScale)) : nil)
        case .confirm:
            let date = request.confirmedDate?.description ?? ""
            sets = "confirmed_date = \(bind: date)"
            detail = date.isEmpty ? "confirmed" : "confirmed for \(date)"
        case .receivePartially:
            let received = try receipts(order)
            lineUpdates = received.map { ($0.line, $0.received, nil, nil, nil, nil) }
            if received.allSatisfy(\.complete) { state = .received }
            detail = received.map { "line \($0.line): \(FixedPointText.quantity(PurchaseOrderRows.quantity($0.received)))" }
                .joined(separator: ", ")
        case .receive:
            for line in order.lines {
                lineUpdates.append((line.line, try Self.quantity(line.quantity), nil, nil, nil, nil))
            }
            detail = "all lines received"
        case .release, .close:
            break
        }
        if !source.isEmpty { detail += detail.isEmpty ? source : " (\(source))" }
        let changed = try await db.raw(
            """
            UPDATE purchase_orders SET state = \(bind: state.rawValue), version = version + 1, \(sets) \
            WHERE po_id = \(bind: id) AND state = \(bind: order.state.rawValue) AND version = \(bind: order.version) RETURNING po_id
            """
        ).all()
        guard changed.count == 1 else {
            throw StorageError(
                .concurrentChange,
                "purchase order \(id) was changed by someone else while you decided (it was \(order.state.rawValue)) — nothing was done; look at it again and decide anew"
            )
        }
        if state == .approved, order.state != .approved {
            try await PurchaseOrderClaims.claim(order, db)
        } else if state == .cancelled {
            try await db.raw("DELETE FROM purchase_order_claims WHERE po_id = \(bind: id)").run()
        }
        for u in lineUpdates {
            var set = SQLQueryString("line = line")
            if let received = u.received { set = "received = \(bind: received)" }
            if let quantity = u.quantity, let purchase = u.purchase, let value = u.value, let price = u.price {
                set =
                    "quantity = \(bind: quantity), purchase_quantity = \(bind: purchase), unit_price = \(bind: price), value = \(bind: value)"
            }
            try await db.raw("UPDATE purchase_order_lines SET \(set) WHERE po_id = \(bind: id) AND line = \(bind: u.line)").run()
        }
        if request.action == .approve, let level = decision.approvalLevel {
            try await db.raw(
                """
                INSERT INTO purchase_order_approvals (po_id, step, user_id, level, at, on_behalf_of) VALUES (\(bind: id), \
                \(bind: order.approvals.count + 1), \(bind: user), \(bind: level), \(bind: now), \(bind: decision.onBehalfOf ?? ""))
                """
            ).run()
        }
        if request.action == .changeQuantity {
            try await db.raw("DELETE FROM purchase_order_approvals WHERE po_id = \(bind: id)").run()
        }
        try await PurchaseOrderRows.event(
            id, at: now, actor: user, action: request.action.rawValue, from: order.state.rawValue, to: state.rawValue,
            reason: decision.reason, detail: detail, db)
        let after = try await PurchaseOrderRows.load([id], db).first
        try await Store.writeAudit(
            at: now,
            AuditEntry(
                actor: user, action: "po.\(request.action.rawValue)", subject: "purchase_order:\(id)",
                detail: "\(order.state.rawValue) → \(state.rawValue)" + (detail.isEmpty ? "" : ": \(detail)"),
                before: order.auditJSON, after: after?.auditJSON ?? ""), db)
    }

    /// The line and new amounts of a quantity change: base units in the line's ratio of base to
    /// purchase units; the price per purchase unit re-read from the catalog when the line was priced
    /// by it (its price is the catalog price of its old quantity), so that a quantity crossing a price
    /// break gets the break's price (``CatalogPrice``); a price set otherwise (an emergency buy's, or
    /// the catalog line is gone or changed since) is kept.
    private func quantityChange(_ order: PurchaseOrderRecord) async throws -> (
        line: PurchaseOrderLineRecord, quantity: Int64, purchase: Int64, value: Int64, otherValue: Int64, price: Int64,
        repriced: Bool
    ) {
        let id = order.poID
        guard let number = request.line, let line = order.lines.first(where: { $0.line == number }) else {
            throw WorkflowError(
                .invalidQuantity,
                "purchase order \(id) has no line \(request.line.map(String.init) ?? "(none given)") — its lines are 1 to \(order.lines.count)"
            )
        }
        guard let newPurchase = request.purchaseQuantity else {
            throw WorkflowError(.invalidQuantity, "purchase order \(id) line \(number): give the new quantity")
        }
        try PurchaseOrderWorkflow.checkQuantity(newPurchase, orderID: id, line: number)
        let field = "purchase order \(id) line \(number) quantity"
        let current = try FixedPointStorage.value { () throws(LedgerError) in
            try FixedPoint.unitCost(line.unitPrice, field: "\(field) price")
        }
        var price = current
        if case let (before, after)? = try await CatalogPrice.prices(
            of: (line.purchaseQuantity, newPurchase), itemID: line.itemID, locationID: order.locationID,
            supplierID: order.supplierID, db), before == current
        {
            price = after
        }
        do {
            let purchase = try FixedPoint.quantity(newPurchase, field: field)
            let ratio = line.purchaseQuantity > 0 ? line.quantity / line.purchaseQuantity : 1
            let base = try FixedPoint.quantity(newPurchase * ratio, field: field)
            let value = try FixedPoint.scaled(
                newPurchase * Double(price) / Double(FixedPoint.unitCostScale), by: FixedPoint.moneyScale,
                field: "\(field) value")
            var other: Int64 = 0
            for l in order.lines where l.line != number {
                guard let sum = FixedPoint.add(other, try FixedPoint.scaled(l.value, by: FixedPoint.moneyScale, field: "value"))
                else { throw FixedPoint.outOfRange(field: "value", value: "Σ lines", scale: FixedPoint.moneyScale) }
                other = sum
            }
            return (line, base, purchase, value, other, price, price != current)
        } catch let error as LedgerError {
            throw StorageError(error)
        }
    }

    /// A quantity in fixed point; out of range → ``StorageError/Code/valueOutOfRange``.
    static func quantity(_ value: Double) throws(StorageError) -> Int64 {
        do {
            return try FixedPoint.quantity(value)
        } catch {
            throw StorageError(error)
        }
    }

    /// New received totals of the lines a partial receipt names.
    private func receipts(_ order: PurchaseOrderRecord) throws -> [(line: Int, received: Int64, complete: Bool)] {
        let id = order.poID
        guard !request.receipts.isEmpty else {
            throw WorkflowError(.invalidQuantity, "purchase order \(id): name the lines received and their quantities")
        }
        var out: [(line: Int, received: Int64, complete: Bool)] = []
        for (number, quantity) in request.receipts.sorted(by: { $0.key < $1.key }) {
            guard let line = order.lines.first(where: { $0.line == number }) else {
                throw WorkflowError(
                    .invalidQuantity, "purchase order \(id) has no line \(number) — its lines are 1 to \(order.lines.count)")
            }
            try PurchaseOrderWorkflow.checkQuantity(quantity, orderID: id, line: number)
            let remaining = line.quantity - line.received
            guard quantity <= remaining + 1e-9 else {
                throw WorkflowError(
                    .invalidQuantity,
                    "purchase order \(id) line \(number): receiving \(FixedPointText.quantity(quantity)) \(line.baseUOM) — at most \(FixedPointText.quantity(remaining)) remain"
                )
            }
            let total = try Self.quantity(line.received + quantity)
            out.append((number, total, total >= (try Self.quantity(line.quantity))))
        }
        // Lines not named keep what they had; the order is complete only when every line is.
        let named = Set(out.map(\.line))
        let othersComplete = order.lines.filter { !named.contains($0.line) }.allSatisfy { $0.received >= $0.quantity }
        if !othersComplete { out = out.map { ($0.line, $0.received, false) } }
        return out
    }
}
