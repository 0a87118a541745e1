public import InventoryCore
import SQLKit

extension Store {
    /// Ledger entries, newest first: at most `limit` with an entry id below `beforeID` (the cursor of
    /// the next page), optionally of one item and/or location (either end of a transfer) and with a
    /// posting date from `from` to `to` (inclusive).
    public func ledgerEntries(
        itemID: String? = nil, locationID: String? = nil, from: Day? = nil, to: Day? = nil, limit: Int = 50,
        beforeID: Int64? = nil
    )
        async throws
        -> [LedgerEntryRecord]
    {
        try await backend.read { db in
            var query = SQLQueryString(
                """
                SELECT entry_id, idempotency_key, posting_type, posting_date, item_id, location_id, to_location_id, supplier_id, owner, \
                quantity, uom, uom_quantity, unit_cost, value, reason, reference, lot_id, reverses_entry_id, intercompany, recorded_at \
                FROM ledger_entries WHERE 1 = 1
                """)
            if let itemID { query += " AND item_id = \(bind: itemID)" }
            if let locationID { query += " AND (location_id = \(bind: locationID) OR to_location_id = \(bind: locationID))" }
            if let from { query += " AND posting_date >= \(bind: from.description)" }
            if let to { query += " AND posting_date <= \(bind: to.description)" }
            if let beforeID { query += " AND entry_id < \(bind: beforeID)" }
            query += " ORDER BY entry_id DESC LIMIT \(bind: max(1, min(limit, 1_000)))"
            return try await db.raw(query).all().map { row in
                let key = try row.decode(column: "idempotency_key", as: String.self)
                return LedgerEntryRecord(
                    entryID: try row.decode(column: "entry_id", as: Int64.self), key: key,
                    type: try SnapshotKeys.code(
                        try row.decode(column: "posting_type", as: String.self), as: PostingType.self, table: "ledger_entries",
                        row: key,
                        column: "posting_type"),
                    date: try SnapshotKeys.day(
                        try row.decode(column: "posting_date", as: String.self), table: "ledger_entries", row: key,
                        column: "posting_date"),
                    itemID: try row.decode(column: "item_id", as: String.self),
                    locationID: try row.decode(column: "location_id", as: String.self),
                    toLocationID: try row.decode(column: "to_location_id", as: String?.self),
                    supplierID: try row.decode(column: "supplier_id", as: String?.self),
                    owner: try SnapshotKeys.code(
                        try row.decode(column: "owner", as: String.self), as: Ownership.self, table: "ledger_entries", row: key,
                        column: "owner"),
                    quantity: try row.decode(column: "quantity", as: Int64.self),
                    uom: try row.decode(column: "uom", as: String.self),
                    uomQuantity: try row.decode(column: "uom_quantity", as: Int64.self),
                    unitCost: try row.decode(column: "unit_cost", as: Int64.self),
                    value: try row.decode(column: "value", as: Int64.self),
                    reason: try row.decode(column: "reason", as: String.self),
                    reference: try row.decode(column: "reference", as: String.self),
                    lotID: try row.decode(column: "lot_id", as: String.self),
                    reversesEntryID: try row.decode(column: "reverses_entry_id", as: Int64?.self),
                    intercompany: try row.decode(column: "intercompany", as: Int.self) != 0,
                    recordedAt: try row.decode(column: "recorded_at", as: String.self))
            }
        }
    }

    /// The `dataset_info` of the last import (`as_of`, `bucket`, `currency`, `settings_yaml`,
    /// `stock_count_date`, `ledger.posting_days_back`, `ledger.posting_days_ahead`).
    public func datasetInfo() async throws -> [String: String] {
        try await backend.read { db in try await Self.datasetInfo(db) }
    }

    static func datasetInfo(_ db: any SQLDatabase) async throws -> [String: String] {
        var info: [String: String] = [:]
        for row in try await db.raw("SELECT key, value FROM dataset_info").all() {
            info[try row.decode(column: "key", as: String.self)] = try row.decode(column: "value", as: String.self)
        }
        return info
    }
}
