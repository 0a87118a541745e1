import InventoryCore
import SQLKit

/// Applies the migrations a database lacks, each in its own transaction.
enum Migrator {
    /// Every migration this build knows, in order.
    static let all: [Migration] = [
        Schema.version1, Schema.version2, Schema.version3, Schema.version4, Schema.version5, Schema.version6,
        Schema.version7, Schema.version8, Schema.version9, Schema.version10, Schema.version11,
        Schema.version12, Schema.version13, Schema.version14, Schema.version15, Schema.version16, Schema.version17,
        Schema.version18,
    ]

    /// Brings the schema up to date; returns the versions applied now.
    @discardableResult
    static func migrate(_ backend: any DatabaseBackend, at now: Timestamp) async throws -> [Int] {
        try await backend.transaction { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: ColumnType.int, .primaryKey(autoIncrement: false))
                .column("name", type: ColumnType.text, .notNull)
                .column("applied_at", type: ColumnType.text, .notNull)
                .run()
        }
        var applied: [Int] = []
        for migration in all {
            let done = try await backend.transaction { db in
                let existing = try await appliedVersions(db)
                if let newest = existing.max(), newest > all.count {
                    throw StorageError(
                        .newerSchema,
                        "the database has schema version \(newest) but this procura knows only up to \(all.count) — use a newer procura"
                    )
                }
                if existing.contains(migration.version) { return false }
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(now.iso8601))
                    .run()
                do {
                    try await migration.apply(db)
                } catch {
                    throw StorageError(.migrationFailed, "migration \(migration.version) (\(migration.name)) failed: \(error)")
                }
                return true
            }
            if done { applied.append(migration.version) }
        }
        return applied
    }

    /// Versions recorded in `schema_migrations`.
    static func appliedVersions(_ db: any SQLDatabase) async throws -> [Int] {
        try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all().map {
            try $0.decode(column: "version", as: Int.self)
        }
    }
}
