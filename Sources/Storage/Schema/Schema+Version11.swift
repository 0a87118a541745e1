import SQLKit

extension Schema {
    /// Version 11: delegations of approval authority and the approval rules set on the admin page
    /// (docs/procurement.md, "Approval rules").
    ///
    /// - `approval_delegations`: one row per delegation (`delegation_id` `DL-000001`,
    ///   `delegation_number` unique) — delegator, delegate, the window (`valid_from`, `valid_to`,
    ///   ISO dates, both included), reason, who created it and when, who revoked it and when (empty:
    ///   in force); revocation updates `WHERE revoked_at = ''`.
    /// - `purchase_order_approvals.on_behalf_of`: the delegator whose authority an approval used
    ///   (empty: the approver's own).
    /// - `approval_policy`: at most one row (`id` 1) — the approval rules set on the admin page as
    ///   settings text (`approval_thresholds` and `approval_rules`), who set them and when; they
    ///   take the place of the imported settings' until an import brings different approval settings.
    ///
    /// Self-contained (new tables and a new column with a default), so it can take another number
    /// at a merge.
    static let version11 = Migration(version: 11, name: "approval delegations and approval rules") { db in
        try await db.create(table: "approval_delegations")
            .column("delegation_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("delegation_number", type: ColumnType.bigint, .notNull, .unique)
            .column("delegator", type: ColumnType.text, .notNull)
            .column("delegate", type: ColumnType.text, .notNull)
            .column("valid_from", type: ColumnType.text, .notNull)
            .column("valid_to", type: ColumnType.text, .notNull)
            .column("reason", type: ColumnType.text, .notNull)
            .column("created_by", type: ColumnType.text, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("revoked_by", type: ColumnType.text, .notNull, .default(""))
            .column("revoked_at", type: ColumnType.text, .notNull, .default(""))
            .run()
        try await db.create(index: "approval_delegations_delegate").on("approval_delegations").column("delegate").run()
        try await db.alter(table: "purchase_order_approvals")
            .column("on_behalf_of", type: ColumnType.text, .notNull, .default(""))
            .run()
        try await db.create(table: "approval_policy")
            .column("id", type: ColumnType.int, .primaryKey(autoIncrement: false))
            .column("settings_text", type: ColumnType.text, .notNull)
            .column("set_by", type: ColumnType.text, .notNull)
            .column("set_at", type: ColumnType.text, .notNull)
            .run()
    }
}
