import Foundation
import InventoryCore
import SQLKit
public import Workflow

extension Store {
    /// What is already coming for an item-location, or just came (``Workflow/IncomingSupply``) — what
    /// ``Workflow/DuplicateOrderCheck`` checks a new manual order against:
    ///
    /// - purchase orders of the database at the location with a line of the item: proposed ones as
    ///   open proposals, approved, released, confirmed and partially received ones as open orders
    ///   (the lines' open quantity: quantity less received);
    /// - open orders of the ERP's extract (`open_orders`, not closed): with a supplier as open
    ///   orders (less what was received against them), without one as transfers;
    /// - the ledger's in-transit balance at the location (transfers shipped, not yet received);
    /// - ledger receipts of the item at the location dated within `procurement.recent_receipt_days`
    ///   before `today`.
    public func incomingSupply(itemID: String, locationID: String) async throws -> [IncomingSupply] {
        let days = try await planningSettings().procurement.recentReceiptDays
        let today = clock.today()
        return try await backend.read { db in
            try await Self.incomingSupply(itemID: itemID, locationID: locationID, today: today, recentDays: days, db)
        }
    }

    static func incomingSupply(itemID: String, locationID: String, today: Day, recentDays: Int, _ db: any SQLDatabase)
        async throws -> [IncomingSupply]
    {
        var out: [IncomingSupply] = []
        let open = PurchaseOrderState.allCases.filter(\.isOpen).map(\.rawValue)
        var query = SQLQueryString(
            """
            SELECT o.po_id, o.state, l.quantity, l.received, l.base_uom, l.due_date, l.confirmed_date, o.confirmed_date AS order_confirmed \
            FROM purchase_orders o JOIN purchase_order_lines l ON l.po_id = o.po_id \
            WHERE o.location_id = \(bind: locationID) AND l.item_id = \(bind: itemID) AND o.state IN (
            """)
        for (k, state) in open.enumerated() { query += k == 0 ? "\(bind: state)" : ", \(bind: state)" }
        query += ") ORDER BY o.po_number, l.line"
        for row in try await db.raw(query).all() {
            let state = try row.decode(column: "state", as: String.self)
            let quantity = try row.decode(column: "quantity", as: Int64.self) - row.decode(column: "received", as: Int64.self)
            guard quantity > 0 else { continue }
            let line = try row.decode(column: "confirmed_date", as: String.self)
            let order = try row.decode(column: "order_confirmed", as: String.self)
            out.append(
                IncomingSupply(
                    kind: state == PurchaseOrderState.proposed.rawValue ? .openProposal : .openOrder,
                    reference: try row.decode(column: "po_id", as: String.self), quantity: FixedPoint.quantityDouble(quantity),
                    baseUOM: try row.decode(column: "base_uom", as: String.self),
                    date: !line.isEmpty ? line : !order.isEmpty ? order : try row.decode(column: "due_date", as: String.self),
                    state: state.replacingOccurrences(of: "_", with: " ")))
        }
        let stored = Set(out.map(\.reference))
        let uom =
            try await db.raw("SELECT base_uom FROM items WHERE item_id = \(bind: itemID)").first()?.decode(
                column: "base_uom", as: String.self) ?? ""
        for row in try await db.raw(
            """
            SELECT order_id, supplier_id, quantity, received, due_date FROM open_orders WHERE item_id = \(bind: itemID) \
            AND location_id = \(bind: locationID) AND closed_on IS NULL ORDER BY due_date, order_id
            """
        ).all() {
            let quantity = try row.decode(column: "quantity", as: Int64.self) - row.decode(column: "received", as: Int64.self)
            let reference = try row.decode(column: "order_id", as: String.self)
            guard quantity > 0, !stored.contains(reference) else { continue }
            let supplier = try row.decode(column: "supplier_id", as: String?.self) ?? ""
            out.append(
                IncomingSupply(
                    kind: supplier.isEmpty ? .transferInTransit : .openOrder,
                    reference: reference, quantity: FixedPoint.quantityDouble(quantity), baseUOM: uom,
                    date: try row.decode(column: "due_date", as: String.self),
                    state: supplier.isEmpty ? "" : "ERP"))
        }
        let transit =
            try await db.raw(
                """
                SELECT CAST(COALESCE(SUM(in_transit), 0) AS BIGINT) AS q FROM stock_positions WHERE item_id = \(bind: itemID) \
                AND location_id = \(bind: locationID)
                """
            ).first()?.decode(column: "q", as: Int64.self) ?? 0
        if transit > 0 {
            out.append(
                IncomingSupply(
                    kind: .transferInTransit, reference: "", quantity: FixedPoint.quantityDouble(transit), baseUOM: uom, date: "")
            )
        }
        let since = today.adding(days: -recentDays).description
        for row in try await db.raw(
            """
            SELECT idempotency_key, posting_date, quantity FROM ledger_entries WHERE posting_type = 'receipt' \
            AND item_id = \(bind: itemID) AND location_id = \(bind: locationID) AND posting_date >= \(bind: since) \
            AND posting_date <= \(bind: today.description) ORDER BY posting_date, entry_id
            """
        ).all() {
            out.append(
                IncomingSupply(
                    kind: .recentReceipt, reference: try row.decode(column: "idempotency_key", as: String.self),
                    quantity: FixedPoint.quantityDouble(try row.decode(column: "quantity", as: Int64.self)), baseUOM: uom,
                    date: try row.decode(column: "posting_date", as: String.self)))
        }
        return out
    }
}
