import SQLKit

extension Schema {
    /// Version 14: redundancy plans of vital item-locations (docs/risk.md, "Redundancy plans").
    ///
    /// - `redundancy_plans`: one row per item-location (the primary key) — the owner (a user
    ///   name), the review date and the optional qualification date of a second source
    ///   (YYYY-MM-DD; empty: none), the substitute item (empty: none), the agreed buffer (null:
    ///   none), notes, `version` (1 when created, + 1 per change), updated at (ISO 8601 UTC) and by.
    ///
    /// Self-contained (one new table), so it can take another number at a merge.
    static let version14 = Migration(version: 14, name: "redundancy plans of vital item-locations") { db in
        try await db.create(table: "redundancy_plans")
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("owner", type: ColumnType.text, .notNull)
            .column("review_date", type: ColumnType.text, .notNull)
            .column("substitute_item_id", type: ColumnType.text, .notNull, .default(""))
            .column("agreed_buffer", type: ColumnType.double)
            .column("qualifying_until", type: ColumnType.text, .notNull, .default(""))
            .column("notes", type: ColumnType.text, .notNull, .default(""))
            .column("version", type: ColumnType.bigint, .notNull)
            .column("updated_at", type: ColumnType.text, .notNull)
            .column("updated_by", type: ColumnType.text, .notNull)
            .primaryKey("item_id", "location_id")
            .run()
    }
}
