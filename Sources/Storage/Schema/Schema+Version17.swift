import SQLKit

extension Schema {
    /// Version 17: change sets (docs/changesets.md).
    ///
    /// - `change_sets`: one row per change set — its kind (`merge_locations`, `close_location`),
    ///   the location closed and the one it goes into, a note, its state, who created, previewed,
    ///   approved, applied, reversed or rejected it and when (ISO 8601 UTC; empty: not yet), the
    ///   reject reason, the stored preview (JSON) and the data stamp it was computed on (a preview
    ///   of unchanged data reuses it), the ledger keys of the postings it made and of
    ///   their reversals (comma-separated, in posting order), the plan runs started by apply and
    ///   reverse (null: none), `version` (1 when created, + 1 per step).
    /// - `change_set_requests`: idempotency keys of the API's change-set calls, with the request's
    ///   fingerprint and the change set it made or changed.
    /// - `location_closures`: the locations an applied change set closed (the primary key), the
    ///   location their stock went into, whether their demand is re-mapped there (1: a merge), the
    ///   change set. A reverse deletes the row: the location is open again, the mapping gone.
    ///
    /// Self-contained (new tables only), so it can take another number at a merge.
    static let version17 = Migration(version: 17, name: "change sets and location closures") { db in
        try await db.create(table: "change_sets")
            .column("change_set_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("kind", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("into_location_id", type: ColumnType.text, .notNull)
            .column("note", type: ColumnType.text, .notNull, .default(""))
            .column("state", type: ColumnType.text, .notNull)
            .column("created_by", type: ColumnType.text, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("previewed_by", type: ColumnType.text, .notNull, .default(""))
            .column("previewed_at", type: ColumnType.text, .notNull, .default(""))
            .column("approved_by", type: ColumnType.text, .notNull, .default(""))
            .column("approved_at", type: ColumnType.text, .notNull, .default(""))
            .column("applied_by", type: ColumnType.text, .notNull, .default(""))
            .column("applied_at", type: ColumnType.text, .notNull, .default(""))
            .column("reversed_by", type: ColumnType.text, .notNull, .default(""))
            .column("reversed_at", type: ColumnType.text, .notNull, .default(""))
            .column("rejected_by", type: ColumnType.text, .notNull, .default(""))
            .column("rejected_at", type: ColumnType.text, .notNull, .default(""))
            .column("reject_reason", type: ColumnType.text, .notNull, .default(""))
            .column("preview", type: ColumnType.text, .notNull, .default(""))
            .column("preview_stamp", type: ColumnType.text, .notNull, .default(""))
            .column("entry_keys", type: ColumnType.text, .notNull, .default(""))
            .column("reversal_keys", type: ColumnType.text, .notNull, .default(""))
            .column("applied_plan_run", type: ColumnType.bigint)
            .column("reversed_plan_run", type: ColumnType.bigint)
            .column("version", type: ColumnType.bigint, .notNull)
            .run()
        try await db.create(table: "change_set_requests")
            .column("idempotency_key", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("fingerprint", type: ColumnType.text, .notNull)
            .column("change_set_id", type: ColumnType.text, .notNull)
            .column("at", type: ColumnType.text, .notNull)
            .run()
        try await db.create(table: "location_closures")
            .column("location_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("into_location_id", type: ColumnType.text, .notNull)
            .column("remaps_demand", type: ColumnType.int, .notNull)
            .column("change_set_id", type: ColumnType.text, .notNull)
            .column("closed_at", type: ColumnType.text, .notNull)
            .run()
    }
}
