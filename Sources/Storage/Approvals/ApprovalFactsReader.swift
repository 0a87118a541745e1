import InventoryCore
import SQLKit
import Workflow

/// Reads, inside a decision's transaction, what the approval rules need beyond an order's value
/// (``Workflow/ApprovalContext``) and the delegations a person holds today
/// (``Workflow/ApprovalGrant``).
///
/// Per line: the item's category and criticality (`items`), its ABC class in the latest complete
/// plan run, whether the item-location was bought before (another order's line that was not
/// cancelled, or a ledger receipt), the price per base unit of the item's latest earlier order line,
/// and the median base quantity of the item-location's last ``usualOrderLines`` earlier order lines.
/// Per category: the value of the lines of other orders approved in the month (not cancelled).
enum ApprovalFactsReader {
    /// How many earlier order lines of an item-location make its usual quantity (their median).
    static let usualOrderLines = 12

    static func context(_ order: PurchaseOrderRecord, today: Day, _ db: any SQLDatabase) async throws -> ApprovalContext {
        let month = String(today.description.prefix(7))
        let run = try await db.raw(
            "SELECT run_id FROM plan_runs WHERE status = 'complete' ORDER BY run_number DESC LIMIT 1"
        ).first()?.decode(column: "run_id", as: Int64.self)
        var lines: [ApprovalContext.Line] = []
        for line in order.lines {
            let item = try await db.raw("SELECT category, criticality FROM items WHERE item_id = \(bind: line.itemID)").first()
            var abc: String?
            if let run,
                let payload = try await db.raw(
                    """
                    SELECT payload FROM plan_results WHERE run_id = \(bind: run) AND item_id = \(bind: line.itemID) \
                    AND location_id = \(bind: order.locationID) AND kind = 'classification'
                    """
                ).first()?.decode(column: "payload", as: String.self)
            {
                abc = try PlanRecorder.decode(ClassificationPayload.self, from: payload).abc
            }
            let earlier = try await db.raw(
                """
                SELECT l.quantity, l.value, o.location_id FROM purchase_order_lines l JOIN purchase_orders o ON o.po_id = l.po_id \
                WHERE l.item_id = \(bind: line.itemID) AND l.po_id <> \(bind: order.poID) AND o.state <> 'cancelled' \
                AND o.created_at <= \(bind: order.createdAt) ORDER BY o.created_at DESC, l.po_id DESC, l.line DESC
                """
            ).all()
            var lastPrice: Double?
            var here: [Double] = []
            for row in earlier {
                let quantity = PurchaseOrderRows.quantity(try row.decode(column: "quantity", as: Int64.self))
                let value = PurchaseOrderRows.money(try row.decode(column: "value", as: Int64.self))
                if lastPrice == nil, quantity > 0 { lastPrice = value / quantity }
                if try row.decode(column: "location_id", as: String.self) == order.locationID, here.count < usualOrderLines {
                    here.append(quantity)
                }
            }
            let received =
                try await db.raw(
                    """
                    SELECT 1 AS found FROM ledger_entries WHERE item_id = \(bind: line.itemID) AND location_id = \(bind: order.locationID) \
                    AND posting_type = 'receipt' LIMIT 1
                    """
                ).first() != nil
            lines.append(
                ApprovalContext.Line(
                    line: line.line, itemID: line.itemID, abcClass: abc,
                    criticality: try item?.decode(column: "criticality", as: String.self) ?? "E",
                    category: try item?.decode(column: "category", as: String.self) ?? "", quantity: line.quantity,
                    unitPrice: line.quantity > 0 ? line.value / line.quantity : 0, value: line.value,
                    firstBuy: here.isEmpty && !received, lastUnitPrice: lastPrice, usualQuantity: median(here)))
        }
        let committed = try await self.committed(month: month, excluding: order.poID, db)
        return ApprovalContext(lines: lines, month: month, committed: committed)
    }

    /// Category → value of the order lines approved in `month` (`2026-12`) whose orders are not
    /// cancelled, other than order `excluding`: what a category's budget has committed.
    static func committed(month: String, excluding: String = "", _ db: any SQLDatabase) async throws -> [String: Double] {
        var committed: [String: Double] = [:]
        let rows = try await db.raw(
            """
            SELECT i.category, l.value FROM purchase_order_lines l JOIN purchase_orders o ON o.po_id = l.po_id \
            JOIN items i ON i.item_id = l.item_id \
            WHERE o.po_id <> \(bind: excluding) AND o.state <> 'cancelled' AND o.approved_at LIKE \(bind: month + "%")
            """
        ).all()
        for row in rows {
            let category = try row.decode(column: "category", as: String.self)
            guard !category.isEmpty else { continue }
            committed[category, default: 0] += PurchaseOrderRows.money(try row.decode(column: "value", as: Int64.self))
        }
        return committed
    }

    /// The delegations to `user` in force on `today`, with each delegator's current role (inactive
    /// delegators' delegations do not count).
    static func grants(to user: String, today: Day, _ db: any SQLDatabase) async throws -> [ApprovalGrant] {
        let day = today.description
        return try await db.raw(
            """
            SELECT d.delegation_id, d.delegator, u.role FROM approval_delegations d JOIN users u ON u.user_id = d.delegator \
            WHERE d.delegate = \(bind: user) AND d.revoked_at = '' AND d.valid_from <= \(bind: day) AND d.valid_to >= \(bind: day) \
            AND u.active = 1 ORDER BY d.delegation_number
            """
        ).all().map {
            ApprovalGrant(
                delegator: try $0.decode(column: "delegator", as: String.self),
                role: try $0.decode(column: "role", as: String.self),
                delegationID: try $0.decode(column: "delegation_id", as: String.self))
        }
    }

    /// The median of `values` (`nil`: none).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
