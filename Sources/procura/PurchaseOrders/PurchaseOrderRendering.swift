import InventoryCore
import Storage
import Workflow

/// `procura po list|export`, `procura approve`, `procura proposals --release` output.
enum PurchaseOrderRendering {
    static let listColumns = [
        "po_id", "state", "supplier_id", "location_id", "lines", "value", "currency", "release_date", "created_by",
        "approved_by", "reason",
    ]

    /// The columns of `procura po export --format csv`: one row per line of each released order.
    static let exportColumns = [
        "po_id", "supplier_id", "location_id", "line", "item_id", "purchase_quantity", "purchase_uom", "quantity", "base_uom",
        "unit_price", "value", "currency", "due_date", "release_date", "approved_by", "approved_at",
    ]

    static func json(_ orders: [PurchaseOrderRecord]) throws -> String {
        try JSONValueEncoder().encode(PurchaseOrderList(purchaseOrders: orders)).pretty + "\n"
    }

    static func list(_ orders: [PurchaseOrderRecord], format: OutputFormat, title: String) throws -> String {
        if format == .json { return try json(orders) }
        func n(_ x: Double) -> String { format == .table ? NumberFormat.fixed(x, 2) : NumberFormat.csv(x) }
        let rows = orders.map { o in
            [
                o.poID, o.state.rawValue, o.supplierID, o.locationID, String(o.lines.count), n(o.value), o.currency,
                o.releaseDate,
                o.createdBy, o.approvedBy, o.reason,
            ]
        }
        return RowReport(columns: listColumns, numeric: [4, 5], rows: rows).rendered(format, title: title)
    }

    static func export(_ orders: [PurchaseOrderRecord], format: OutputFormat) throws -> String {
        if format == .json { return try json(orders) }
        var out = CSVOutput()
        out.row(exportColumns)
        for o in orders {
            for l in o.lines {
                out.row([
                    o.poID, o.supplierID, o.locationID, String(l.line), l.itemID, NumberFormat.csv(l.purchaseQuantity),
                    l.purchaseUOM, NumberFormat.csv(l.quantity), l.baseUOM, NumberFormat.csv(l.unitPrice),
                    NumberFormat.csv(l.value), o.currency, l.dueDate, l.releaseDate, o.approvedBy, o.approvedAt,
                ])
            }
        }
        return out.text
    }

    /// One line per order: `PO-000001 approved (approvals: ada at level buyer)`.
    static func decided(_ result: PurchaseOrderResult) -> String {
        var out = ""
        for o in result.orders {
            var line = "\(o.poID) \(o.state.rawValue)"
            if !o.approvals.isEmpty {
                line += " (approvals: " + o.approvals.map { "\($0.userID) at level \($0.level)" }.joined(separator: ", ") + ")"
            }
            if result.replayed { line += " — replayed, nothing changed" }
            out += line + "\n"
        }
        return out
    }
}

/// `{"purchase_orders": [...]}`.
struct PurchaseOrderList: Encodable {
    var purchaseOrders: [PurchaseOrderRecord]
}
