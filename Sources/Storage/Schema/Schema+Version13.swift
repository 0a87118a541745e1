import SQLKit

extension Schema {
    /// Version 13: month-end closes of the excess exposure report (docs/excess.md, "Month-end closes").
    ///
    /// - `exposure_closes`: one row per closed month (the primary key: a month is closed once) — the
    ///   valuation day and currency, who closed it and when (ISO 8601 UTC), the item-locations and
    ///   the total and new exposure value (`DOUBLE`, exactly the report's figures, for the list and
    ///   the trend), and the whole report as JSON (``Planning/ExposureReport``, snake_case keys),
    ///   written once and never updated.
    ///
    /// Self-contained (one new table), so it can take another number at a merge.
    static let version13 = Migration(version: 13, name: "month-end closes of the exposure report") { db in
        try await db.create(table: "exposure_closes")
            .column("month", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("as_of", type: ColumnType.text, .notNull)
            .column("currency", type: ColumnType.text, .notNull)
            .column("closed_by", type: ColumnType.text, .notNull)
            .column("closed_at", type: ColumnType.text, .notNull)
            .column("item_locations", type: ColumnType.bigint, .notNull)
            .column("exposure_value", type: ColumnType.double, .notNull)
            .column("new_exposure_value", type: ColumnType.double, .notNull)
            .column("report", type: ColumnType.text, .notNull)
            .run()
    }
}
