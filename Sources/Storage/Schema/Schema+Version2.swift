import SQLKit

extension Schema {
    /// Version 2: what the web application needs — sign-in sessions and API tokens (both stored as
    /// SHA-256 hashes of the secret, never the secret), `before`/`after` on the audit log, and the
    /// stock-out days of `stockouts.csv` per bucket (for the dashboard's stock-out counts and fill rate).
    static let version2 = Migration(version: 2, name: "sessions, API tokens, audit before/after, stock-out days") { db in
        try await db.create(table: "sessions")
            .column("session_hash", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("user_id", type: ColumnType.text, .notNull)
            .column("csrf_token", type: ColumnType.text, .notNull)
            .column("created_at", type: ColumnType.text, .notNull)
            .column("expires_at", type: ColumnType.text, .notNull)
            .run()
        try await db.create(index: "sessions_user").on("sessions").column("user_id").run()
        try await db.create(table: "api_tokens")
            .column("token_id", type: ColumnType.text, .primaryKey(autoIncrement: false))
            .column("token_hash", type: ColumnType.text, .notNull, .unique)
            .column("user_id", type: ColumnType.text, .notNull)
            .column("name", type: ColumnType.text, .notNull, .default(""))
            .column("created_at", type: ColumnType.text, .notNull)
            .column("expires_at", type: ColumnType.text)
            .column("revoked_at", type: ColumnType.text)
            .run()
        try await db.create(index: "api_tokens_user").on("api_tokens").column("user_id").run()
        // One column per statement: SQLite's ALTER TABLE adds one column at a time.
        try await db.raw("ALTER TABLE audit_log ADD COLUMN before_value TEXT NOT NULL DEFAULT ''").run()
        try await db.raw("ALTER TABLE audit_log ADD COLUMN after_value TEXT NOT NULL DEFAULT ''").run()
        try await db.create(index: "audit_log_subject").on("audit_log").column("subject").run()
        // Stock-out days per item-location and bucket (dated on the bucket's first day), written by
        // the import like demand: the import is the truth for its history window.
        try await db.create(table: "stockout_days")
            .column("item_id", type: ColumnType.text, .notNull)
            .column("location_id", type: ColumnType.text, .notNull)
            .column("bucket_date", type: ColumnType.text, .notNull)
            .column("days", type: ColumnType.int, .notNull)
            .primaryKey("item_id", "location_id", "bucket_date")
            .run()
    }
}
