import SQLKit

extension Schema {
    /// Version 9: disposition cases of excess stock (docs/disposition.md).
    ///
    /// - `disposition_cases`: one row per case (`case_id` `DSP-000001`) — the item, location and
    ///   optional lot, the quantity (millionths of a base unit) and unit cost (millionths), the chosen
    ///   option with its destination or supplier, the roles that must sign (comma-separated, fixed
    ///   when the case is created), the analysis (option values and a spare's hold-or-dispose NPV, as
    ///   JSON), the state with who created, executed, closed or cancelled it and why, the ledger keys
    ///   of its execution, and `version`, which every change raises (changes update
    ///   `WHERE version = …`, so two simultaneous decisions cannot both go through);
    /// - `disposition_sign_offs`: per case and role who signed and when; `(case_id, user_id)` is
    ///   unique, so one person signs a case once;
    /// - `disposition_requests`: the `Idempotency-Key` of each API call that changed a case, with the
    ///   call's fingerprint and the case it touched.
    ///
    /// Self-contained (its own tables only), so it can take another number at a merge.
    static let version9 = Migration(version: 9, name: "disposition cases") { db in
        try await db.create(table: "disposition_cases")
            .column("case_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("lot_id", type: ColumnType.text, .notNull, .default(""))
            .column("quantity", type: ColumnType.bigint, .notNull)
            .column("unit_cost", type: ColumnType.bigint, .notNull)
            .column("chosen_option", type: ColumnType.text, .notNull)
            .column("to_location_id", type: ColumnType.text, .notNull, .default(""))
            .column("supplier_id", type: ColumnType.text, .notNull, .default(""))
            .column("required_roles", type: ColumnType.text, .notNull)
            .column("spare", type: ColumnType.int, .notNull, .default(0))
            .column("analysis", type: ColumnType.text, .notNull)
            .column("note", type: ColumnType.text, .notNull, .default(""))
            .column("state", type: ColumnType.text, .notNull)
            .column("created_by", type: ColumnType.text, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("executed_by", type: ColumnType.text, .notNull, .default(""))
            .column("executed_at", type: ColumnType.text, .notNull, .default(""))
            .column("closed_by", type: ColumnType.text, .notNull, .default(""))
            .column("closed_at", type: ColumnType.text, .notNull, .default(""))
            .column("cancel_reason", type: ColumnType.text, .notNull, .default(""))
            .column("entry_keys", type: ColumnType.text, .notNull, .default(""))
            .column("version", type: ColumnType.bigint, .notNull, .default(1))
            .run()
        try await db.create(table: "disposition_sign_offs")
            .column("case_id", type: ColumnType.text, .notNull)
            .column("role", type: ColumnType.text, .notNull)
            .column("user_id", type: ColumnType.text, .notNull)
            .column("signed_at", type: ColumnType.text, .notNull)
            .primaryKey("case_id", "role")
            .unique("case_id", "user_id")
            .run()
        try await db.create(table: "disposition_requests")
            .column("idempotency_key", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("fingerprint", type: ColumnType.text, .notNull)
            .column("case_id", type: ColumnType.text, .notNull, .default(""))
            .column("at", type: ColumnType.text, .notNull)
            .run()
    }
}
