import SQLKit

extension Schema {
    /// Version 7: receipts against purchase orders (docs/procurement.md, "Receipts move orders
    /// forward"). Self-contained: one table, nothing else changed.
    ///
    /// - `purchase_order_receipts`: each `receipt` posted to the ledger after the stock count (its
    ///   ledger entry), the purchase order it names (`po_id`, `''` when it names none), the base units
    ///   it added to that order's lines (`matched`, fixed point), the rest (`unmatched`) and why the
    ///   rest went to no open line (`finding`: `''` when everything matched, else `no_reference`,
    ///   `no_purchase_order`, `wrong_location`, `not_receivable`, `item_not_on_order`,
    ///   `over_receipt`; `detail` says it in words).
    static let version7 = Migration(version: 7, name: "receipts against purchase orders") { db in
        try await db.create(table: "purchase_order_receipts")
            .column("entry_id", type: ColumnType.bigint, .primaryKey(autoIncrement: false))
            .column("entry_key", type: ColumnType.text, .notNull)
            .column("po_id", type: ColumnType.text, .notNull)
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("receipt_date", type: ColumnType.text, .notNull)
            .column("matched", type: ColumnType.bigint, .notNull)
            .column("unmatched", type: ColumnType.bigint, .notNull)
            .column("finding", type: ColumnType.text, .notNull)
            .column("detail", type: ColumnType.text, .notNull)
            .run()
        try await db.raw("CREATE INDEX purchase_order_receipts_finding ON purchase_order_receipts (finding, entry_id)").run()
    }
}
