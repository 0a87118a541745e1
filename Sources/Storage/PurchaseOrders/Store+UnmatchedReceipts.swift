import InventoryCore
import SQLKit

/// A receipt posted to the ledger that went, in whole or in part, to no open purchase-order line
/// (``Store/unmatchedReceipts()``; docs/procurement.md, "Receipts move orders forward").
public struct UnmatchedReceipt: Sendable, Hashable, Encodable {
    /// The ledger entry.
    public var entryId: Int64
    /// Its posting key.
    public var key: String
    /// The purchase order it names (empty: none stored with that id).
    public var poId: String
    /// The item.
    public var itemId: String
    /// The receiving location.
    public var locationId: String
    /// The posting date.
    public var date: String
    /// Base units put on the order's lines.
    public var matched: Double
    /// Base units that went to no open line.
    public var unmatched: Double
    /// `no_reference`, `no_purchase_order`, `wrong_location`, `not_receivable`, `item_not_on_order`, `over_receipt`.
    public var finding: String
    /// The finding in words.
    public var detail: String
}

/// `{"unmatched_receipts": [...]}` — `procura po unmatched-receipts --format json` and `GET
/// /api/v1/receipts/unmatched`.
public struct UnmatchedReceiptList: Sendable, Encodable {
    /// The receipts, oldest first.
    public var unmatchedReceipts: [UnmatchedReceipt]

    /// The list.
    public init(_ receipts: [UnmatchedReceipt]) { unmatchedReceipts = receipts }
}

extension Store {
    /// Receipts posted after the stock count that matched no open purchase-order line, in whole or
    /// in part, oldest first (``UnmatchedReceipt``): the flag the purchase-order workflow raises
    /// instead of refusing a receipt.
    public func unmatchedReceipts() async throws -> [UnmatchedReceipt] {
        try await backend.read { db in
            try await db.raw(
                """
                SELECT entry_id, entry_key, po_id, item_id, location_id, receipt_date, matched, unmatched, finding, detail \
                FROM purchase_order_receipts WHERE finding <> '' ORDER BY entry_id
                """
            ).all().map { row in
                UnmatchedReceipt(
                    entryId: try row.decode(column: "entry_id", as: Int64.self),
                    key: try row.decode(column: "entry_key", as: String.self),
                    poId: try row.decode(column: "po_id", as: String.self),
                    itemId: try row.decode(column: "item_id", as: String.self),
                    locationId: try row.decode(column: "location_id", as: String.self),
                    date: try row.decode(column: "receipt_date", as: String.self),
                    matched: PurchaseOrderRows.quantity(try row.decode(column: "matched", as: Int64.self)),
                    unmatched: PurchaseOrderRows.quantity(try row.decode(column: "unmatched", as: Int64.self)),
                    finding: try row.decode(column: "finding", as: String.self),
                    detail: try row.decode(column: "detail", as: String.self))
            }
        }
    }
}
