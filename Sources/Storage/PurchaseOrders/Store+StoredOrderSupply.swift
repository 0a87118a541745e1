import InventoryCore
public import Planning
import SQLKit
public import Workflow

extension Store {
    /// The open quantity of every line of the purchase orders in an open state — proposed,
    /// approved, released, confirmed, partially received (``Workflow/PurchaseOrderState/isOpen``) —
    /// for the next netting (``Planning/StoredOrderSupply``): the line's quantity less what was
    /// received (fixed point, exact) — the supplier's confirmed quantity in place of the line's when
    /// the line has one — due on the line's confirmed date when it has one, else the order's
    /// confirmed date, else the line's due date. Lines received in full are left out. Ordered by order and line.
    ///
    /// - Throws: ``StorageError/Code/database`` for a stored date that is not `YYYY-MM-DD`.
    public func openPurchaseOrderSupply() async throws -> [StoredOrderSupply] {
        let open = PurchaseOrderState.allCases.filter(\.isOpen).map(\.rawValue)
        return try await backend.read { db in
            var query = SQLQueryString(
                """
                SELECT o.po_id, o.location_id, o.state, o.confirmed_date, l.line, l.item_id, l.quantity, l.received, \
                l.due_date, l.confirmed_date AS line_confirmed_date, l.confirmed_quantity FROM purchase_orders o JOIN purchase_order_lines l ON l.po_id = o.po_id WHERE o.state IN (
                """)
            for (k, state) in open.enumerated() { query += k == 0 ? "\(bind: state)" : ", \(bind: state)" }
            query += ") ORDER BY o.po_number, l.line"
            var out: [StoredOrderSupply] = []
            for row in try await db.raw(query).all() {
                let id = try row.decode(column: "po_id", as: String.self)
                let line = try row.decode(column: "line", as: Int.self)
                let ordered =
                    try row.decode(column: "confirmed_quantity", as: Int64?.self)
                    ?? row.decode(column: "quantity", as: Int64.self)
                let open = ordered - (try row.decode(column: "received", as: Int64.self))
                guard open > 0 else { continue }
                let lineConfirmed = try row.decode(column: "line_confirmed_date", as: String.self)
                let confirmed = lineConfirmed.isEmpty ? try row.decode(column: "confirmed_date", as: String.self) : lineConfirmed
                let dueText = confirmed.isEmpty ? try row.decode(column: "due_date", as: String.self) : confirmed
                guard let due = Day(iso: dueText) else {
                    throw StorageError(
                        .database, "purchase order \(id) line \(line) has the date '\(dueText)' — expected YYYY-MM-DD")
                }
                out.append(
                    StoredOrderSupply(
                        orderID: id, line: line, itemID: try row.decode(column: "item_id", as: String.self),
                        locationID: try row.decode(column: "location_id", as: String.self),
                        state: try row.decode(column: "state", as: String.self), due: due,
                        quantity: PurchaseOrderRows.quantity(open)))
            }
            return out
        }
    }

    /// The orders an earlier call that saved proposals under `key` created (``PurchaseOrderResult/replayed``
    /// is true), or `nil` when the key is new. Proposals are netted against the orders saved before
    /// (``openPurchaseOrderSupply()``), so a repeated release computes other proposals than the
    /// first: it is answered from the key alone, before netting.
    ///
    /// - Throws: ``StorageError/Code/idempotencyConflict`` when the key was used to decide on orders.
    public func savedProposals(key: String) async throws -> PurchaseOrderResult? {
        try await backend.read { db in
            guard
                let row = try await db.raw(
                    "SELECT fingerprint, po_ids FROM purchase_order_requests WHERE idempotency_key = \(bind: key)"
                ).first()
            else { return nil }
            let ids = try row.decode(column: "po_ids", as: String.self).split(separator: ",").map(String.init)
            guard try row.decode(column: "fingerprint", as: String.self).hasPrefix(PurchaseOrderRows.createFingerprintTag)
            else {
                throw StorageError(
                    .idempotencyConflict,
                    "idempotency key '\(key)' was already used for a different request (purchase orders \(ids.isEmpty ? "none" : ids.joined(separator: ", "))) — use a new key for a new request"
                )
            }
            return PurchaseOrderResult(orders: try await PurchaseOrderRows.load(ids, db), replayed: true)
        }
    }
}
