import SQLKit

extension Schema {
    /// Version 15: forecast sharing with suppliers (docs/sharing.md).
    ///
    /// - `sharing_profiles`: one row per supplier — the profile as JSON, `version` (1 when set,
    ///   + 1 per change; every change is also in the audit log with the profile), updated at and by.
    /// - `shared_versions`: one row per published version of a supplier — version N (1, 2, … per
    ///   supplier), published at and by, the plan run it came from, the profile and the payload as
    ///   JSON, the noise seed.
    /// - `shared_version_views`: every view or download of a version by a supplier user — who,
    ///   when, which version, the format (json, csv, html).
    /// - `shared_commitments`: the supplier's commitment per shared line of a version — quantity,
    ///   comment, entered at and by (a new submission replaces the version's lines).
    ///
    /// Self-contained (new tables only), so it can take another number at a merge.
    static let version15 = Migration(version: 15, name: "forecast sharing with suppliers") { db in
        try await db.create(table: "sharing_profiles")
            .column("supplier_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("profile", type: ColumnType.text, .notNull)
            .column("version", type: ColumnType.bigint, .notNull)
            .column("updated_at", type: ColumnType.text, .notNull)
            .column("updated_by", type: ColumnType.text, .notNull)
            .run()
        try await db.create(table: "shared_versions")
            .column("supplier_id", type: ColumnType.text, .notNull)
            .column("version", type: ColumnType.bigint, .notNull)
            .column("published_at", type: ColumnType.text, .notNull)
            .column("published_by", type: ColumnType.text, .notNull)
            .column("plan_run", type: ColumnType.bigint, .notNull)
            .column("profile", type: ColumnType.text, .notNull)
            .column("payload", type: ColumnType.text, .notNull)
            .column("seed", type: ColumnType.text, .notNull)
            .primaryKey("supplier_id", "version")
            .run()
        try await db.create(table: "shared_version_views")
            .column("view_id", type: ColumnType.bigint, .primaryKey(autoIncrement: true))
            .column("supplier_id", type: ColumnType.text, .notNull)
            .column("version", type: ColumnType.bigint, .notNull)
            .column("user_id", type: ColumnType.text, .notNull)
            .column("viewed_at", type: ColumnType.text, .notNull)
            .column("format", type: ColumnType.text, .notNull)
            .run()
        try await db.create(table: "shared_commitments")
            .column("supplier_id", type: ColumnType.text, .notNull)
            .column("version", type: ColumnType.bigint, .notNull)
            .column("line", type: ColumnType.bigint, .notNull)
            .column("quantity", type: ColumnType.double, .notNull)
            .column("comment", type: ColumnType.text, .notNull, .default(""))
            .column("entered_at", type: ColumnType.text, .notNull)
            .column("entered_by", type: ColumnType.text, .notNull)
            .primaryKey("supplier_id", "version", "line")
            .run()
    }
}
