import SQLKit

extension Schema {
    /// Version 16: VMI agreements with their versions (docs/vmi.md).
    ///
    /// - `vmi_agreement_versions`: one row per agreement id and version (the primary key) — the
    ///   supplier, item and location (the same for every version of an agreement), the terms
    ///   (`ownership_passes`, `band_kind` `units`|`days` with `band_min`/`band_max`, `review_days`,
    ///   the KPI targets, the liability clause, `valid_from` YYYY-MM-DD), the `state`
    ///   (`proposed`, `active`, `superseded`, `rejected`), `source` (`import` or `procura`), who
    ///   proposed and when, who approved for each side and when (empty: not yet), who rejected
    ///   and why, and when the state last changed.
    ///
    /// Self-contained (one new table), so it can take another number at a merge.
    static let version16 = Migration(version: 16, name: "VMI agreements with versions") { db in
        try await db.create(table: "vmi_agreement_versions")
            .column("agreement_id", type: ColumnType.text, .notNull)
            .column("version", type: ColumnType.bigint, .notNull)
            .column("supplier_id", type: ColumnType.text, .notNull)
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("ownership_passes", type: ColumnType.text, .notNull)
            .column("band_kind", type: ColumnType.text, .notNull)
            .column("band_min", type: ColumnType.double, .notNull)
            .column("band_max", type: ColumnType.double, .notNull)
            .column("review_days", type: ColumnType.bigint, .notNull)
            .column("target_in_band_share", type: ColumnType.double, .notNull)
            .column("target_max_stockout_days", type: ColumnType.bigint, .notNull)
            .column("target_fill_rate", type: ColumnType.double, .notNull)
            .column("target_on_time_share", type: ColumnType.double, .notNull)
            .column("buyback_share", type: ColumnType.double, .notNull)
            .column("notice_days", type: ColumnType.bigint, .notNull)
            .column("expiry_handling", type: ColumnType.text, .notNull)
            .column("valid_from", type: ColumnType.text, .notNull)
            .column("state", type: ColumnType.text, .notNull)
            .column("source", type: ColumnType.text, .notNull)
            .column("proposed_by", type: ColumnType.text, .notNull)
            .column("proposed_at", type: ColumnType.text, .notNull)
            .column("our_approval_by", type: ColumnType.text, .notNull, .default(""))
            .column("our_approval_at", type: ColumnType.text, .notNull, .default(""))
            .column("supplier_approval_by", type: ColumnType.text, .notNull, .default(""))
            .column("supplier_approval_at", type: ColumnType.text, .notNull, .default(""))
            .column("rejected_by", type: ColumnType.text, .notNull, .default(""))
            .column("reason", type: ColumnType.text, .notNull, .default(""))
            .column("updated_at", type: ColumnType.text, .notNull)
            .primaryKey("agreement_id", "version")
            .run()
        try await db.create(index: "vmi_agreement_versions_supplier").on("vmi_agreement_versions").column("supplier_id").run()
    }
}
