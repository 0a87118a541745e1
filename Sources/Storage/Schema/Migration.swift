import SQLKit

/// One forward-only step of the schema: applied once, in order, recorded in `schema_migrations`.
///
/// Migrations are never edited once released; a change is a new migration with the next version.
struct Migration: Sendable {
    /// Position in the sequence, from 1, without gaps.
    var version: Int
    /// What it does, for `schema_migrations.name`.
    var name: String
    /// The statements, written with SQLKit so they run on SQLite and PostgreSQL alike.
    var apply: @Sendable (any SQLDatabase) async throws -> Void
}

/// Column types that mean the same on both backends.
enum ColumnType {
    /// Text of any length.
    static let text = SQLDataType.text
    /// 64-bit integer (SQLite `INTEGER`, PostgreSQL `BIGINT`): fixed-point quantities and money.
    static let bigint = SQLDataType.bigint
    /// 32-bit integer, also used for 0/1 flags.
    static let int = SQLDataType.int
    /// 64-bit float, for planning parameters that are not ledger amounts (lead times, shares).
    static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))
}
