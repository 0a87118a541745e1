import SQLKit

extension Schema {
    /// Version 5: stock over time (DATA_FORMAT.md: inventory.csv lots, transactions.csv `lot_id`,
    /// stock_history.csv, open orders of the latest extract).
    ///
    /// - `stock_counts.lot_id`, `.unit_cost`, `.expiry_date`: each counted line's lot as counted
    ///   (`unit_cost` `NULL`: the item's), so that the lots read back equal the data folder's;
    /// - `ledger_entries.lot_id`: the lot a posting names (`''`: first in, first out);
    /// - `stock_history`: end-of-day stock of stock_history.csv per item, location, owner and day,
    ///   replaced by each import for the days it lists;
    /// - `open_orders.closed_on`: the `as_of` of the first extract that no longer listed the order
    ///   line (`NULL`: open). A closed line is neither on order nor in the snapshot; an extract that
    ///   lists it again opens it.
    static let version5 = Migration(version: 5, name: "lots, stock history, closed orders") { db in
        try await db.raw("ALTER TABLE stock_counts ADD COLUMN lot_id TEXT").run()
        try await db.raw("ALTER TABLE stock_counts ADD COLUMN unit_cost BIGINT").run()
        try await db.raw("ALTER TABLE stock_counts ADD COLUMN expiry_date TEXT").run()
        try await db.raw("ALTER TABLE ledger_entries ADD COLUMN lot_id TEXT NOT NULL DEFAULT ''").run()
        try await db.raw("ALTER TABLE open_orders ADD COLUMN closed_on TEXT").run()
        try await db.create(table: "stock_history")
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("owner", type: ColumnType.text, .notNull)
            .column("history_date", type: ColumnType.text, .notNull)
            .column("on_hand", type: ColumnType.bigint, .notNull)
            .column("value", type: ColumnType.bigint)
            .primaryKey("item_id", "location_id", "owner", "history_date")
            .run()
    }
}
