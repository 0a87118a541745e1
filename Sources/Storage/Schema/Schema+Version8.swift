import SQLKit

extension Schema {
    /// Version 8: monthly write-down provision runs (docs/excess.md, "Monthly provision run").
    ///
    /// - `provision_runs`: one row per month (`run_id` `PR-YYYY-MM`, `month` unique) — state `draft`
    ///   or `approved`, the valuation day, account and currency, who ran it (`created_by`, the
    ///   latest re-run) and who approved it, the last approved run it is compared with, its totals
    ///   (ten-thousandths, whole cents) and `version`, which every re-run raises: approval updates
    ///   `WHERE state = 'draft' AND version = …`, so a draft re-run while finance looked at it is not
    ///   approved unseen;
    /// - `provision_lines`: per run and item-location the category, class, basis, gross value,
    ///   provision and previous provision (ten-thousandths, whole cents).
    ///
    /// Self-contained (its own tables only), so it can take another number at a merge.
    static let version8 = Migration(version: 8, name: "provision runs") { db in
        try await db.create(table: "provision_runs")
            .column("run_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("month", type: ColumnType.text, .notNull, .unique)
            .column("state", type: ColumnType.text, .notNull)
            .column("as_of", type: ColumnType.text, .notNull)
            .column("account", type: ColumnType.text, .notNull)
            .column("currency", type: ColumnType.text, .notNull)
            .column("created_by", type: ColumnType.text, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("approved_by", type: ColumnType.text, .notNull, .default(""))
            .column("approved_at", type: ColumnType.text, .notNull, .default(""))
            .column("previous_run_id", type: ColumnType.text)
            .column("total", type: ColumnType.bigint, .notNull)
            .column("previous_total", type: ColumnType.bigint, .notNull)
            .column("version", type: ColumnType.bigint, .notNull, .default(1))
            .run()
        try await db.create(table: "provision_lines")
            .column("run_id", type: ColumnType.text, .notNull)
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("category", type: ColumnType.text, .notNull)
            .column("abc_class", type: ColumnType.text, .notNull)
            .column("basis", type: ColumnType.text, .notNull)
            .column("gross_value", type: ColumnType.bigint, .notNull)
            .column("provision", type: ColumnType.bigint, .notNull)
            .column("previous_provision", type: ColumnType.bigint, .notNull)
            .primaryKey("run_id", "item_id", "location_id")
            .run()
    }
}
