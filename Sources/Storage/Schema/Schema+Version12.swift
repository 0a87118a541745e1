import SQLKit

extension Schema {
    /// Version 12: scenario specs saved per user (docs/scenarios.md, "Saved specs").
    ///
    /// - `scenario_specs`: one row per owner and name (the primary key; a name is unique per
    ///   owner) — the spec's YAML text as saved, its `name:` (`title`) and shock count when it was
    ///   validated, `version` (1 when created, + 1 per replacement: optimistic concurrency),
    ///   created and updated at (ISO 8601 UTC).
    ///
    /// Self-contained (one new table), so it can take another number at a merge.
    static let version12 = Migration(version: 12, name: "scenario specs saved per user") { db in
        try await db.create(table: "scenario_specs")
            .column("owner", type: ColumnType.text, .notNull)
            .column("name", type: ColumnType.text, .notNull)
            .column("spec_text", type: ColumnType.text, .notNull)
            .column("title", type: ColumnType.text, .notNull, .default(""))
            .column("shocks", type: ColumnType.int, .notNull, .default(0))
            .column("version", type: ColumnType.bigint, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("updated_at", type: ColumnType.text, .notNull)
            .primaryKey("owner", "name")
            .run()
    }
}
