import SQLKit

extension Schema {
    /// Version 4: the ledger rules of DATA_FORMAT.md — receipts that reduce their open order,
    /// and the stock count kept as counted.
    ///
    /// - `open_orders.received`: what receipts posted on or after the extract's date received
    ///   against the line (on order = quantity − received, never below zero);
    /// - `ledger_movements.order_id`: the order line an on-order movement changed (a reversal
    ///   restores it);
    /// - `ledger_entries.over_receipt` and `.history`: what a posting's result said — the
    ///   quantity received beyond its open order, and whether it was dated before the stock count
    ///   (history, which moved neither on hand nor on order) — so that a replay returns it;
    /// - `stock_counts`: the lines of `inventory.csv` per count date, as counted (owner, owning
    ///   supplier, received date), so that the snapshot read back equals the data folder's.
    static let version4 = Migration(version: 4, name: "open-order receipts, stock counts") { db in
        try await db.raw("ALTER TABLE open_orders ADD COLUMN received BIGINT NOT NULL DEFAULT 0").run()
        try await db.raw("ALTER TABLE ledger_movements ADD COLUMN order_id TEXT").run()
        try await db.raw("ALTER TABLE ledger_entries ADD COLUMN over_receipt BIGINT NOT NULL DEFAULT 0").run()
        try await db.raw("ALTER TABLE ledger_entries ADD COLUMN history INTEGER NOT NULL DEFAULT 0").run()
        try await db.create(table: "stock_counts")
            .column("count_date", type: ColumnType.text, .notNull)
            .column("line", type: ColumnType.int, .notNull)
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("owner", type: ColumnType.text, .notNull)
            .column("owner_supplier_id", type: ColumnType.text, .notNull, .default(""))
            .column("received_date", type: ColumnType.text)
            .column("on_hand", type: ColumnType.bigint, .notNull)
            .primaryKey("count_date", "line")
            .run()
    }
}
