import InventoryCore
public import Planning
import SQLKit
import Workflow

extension Store {
    /// Every stored purchase-order line as the exposure report reads it (``Planning/OrderLineFacts``):
    /// the buyer who created the order, the base units proposed (the line's quantity before its first
    /// `change_quantity`, from the order's history), ordered and received, and the emergency buy an
    /// order was created for (procura emergency approve) with the policy quantity it deviated from.
    public func orderLineFacts() async throws -> [OrderLineFacts] {
        try await backend.read { db in
            let ids = try await db.raw("SELECT po_id FROM purchase_orders ORDER BY po_number").all().map {
                try $0.decode(column: "po_id", as: String.self)
            }
            var emergencyOf: [String: OrderLineFacts.Emergency] = [:]
            for row in try await db.raw(
                "SELECT po_id, buy_id, incident_id, requested_by, policy_quantity FROM emergency_buys WHERE po_id <> ''"
            ).all() {
                emergencyOf[try row.decode(column: "po_id", as: String.self)] = OrderLineFacts.Emergency(
                    buyId: try row.decode(column: "buy_id", as: String.self),
                    incidentId: try row.decode(column: "incident_id", as: String.self),
                    requestedBy: try row.decode(column: "requested_by", as: String.self),
                    policyUnits: FixedPoint.quantityDouble(try row.decode(column: "policy_quantity", as: Int64.self)))
            }
            var facts: [OrderLineFacts] = []
            for order in try await PurchaseOrderRows.load(ids, db) {
                var proposedPurchase: [Int: Double] = [:]
                var changer: [Int: String] = [:]
                if !order.changers.isEmpty {
                    for event in try await PurchaseOrderRows.events(order.poID, db) where event.action == "change_quantity" {
                        guard let change = PurchaseOrderQuantityChange.parse(event.detail) else { continue }
                        if proposedPurchase[change.line] == nil { proposedPurchase[change.line] = change.from }
                        changer[change.line] = event.actor
                    }
                }
                for line in order.lines {
                    let perPurchase = line.purchaseQuantity > 0 ? line.quantity / line.purchaseQuantity : 1
                    facts.append(
                        OrderLineFacts(
                            orderId: order.poID, itemId: line.itemID, locationId: order.locationID, supplierId: order.supplierID,
                            createdBy: order.createdBy, createdAt: order.createdAt, changedBy: changer[line.line] ?? "",
                            proposedUnits: proposedPurchase[line.line].map { $0 * perPurchase } ?? line.quantity,
                            orderedUnits: line.quantity, receivedUnits: line.received, cancelled: order.state == .cancelled,
                            emergency: emergencyOf[order.poID]))
                }
            }
            return facts
        }
    }
}
