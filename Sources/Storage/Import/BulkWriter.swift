import SQLKit

/// Multi-row `INSERT … ON CONFLICT (key) DO UPDATE` in chunks that stay under both backends'
/// bind limits (SQLite 32,766; PostgreSQL 65,535).
struct BulkWriter {
    let db: any SQLDatabase
    let table: String
    let columns: [String]
    /// Conflict target; empty: plain insert.
    let key: [String]
    /// Columns replaced on conflict (default: every non-key column).
    let updates: [String]
    private(set) var pending: [[any Encodable & Sendable]] = []
    private let rowsPerStatement: Int

    init(db: any SQLDatabase, table: String, columns: [String], key: [String], updates: [String]? = nil) {
        self.db = db
        self.table = table
        self.columns = columns
        self.key = key
        self.updates = updates ?? columns.filter { !key.contains($0) }
        self.rowsPerStatement = max(1, min(1000, 30_000 / max(1, columns.count)))
        pending.reserveCapacity(rowsPerStatement)
    }

    /// Queues a row (values in column order); writes a statement when a chunk is full.
    mutating func append(_ row: [any Encodable & Sendable]) async throws {
        pending.append(row)
        if pending.count >= rowsPerStatement { try await flush() }
    }

    /// Writes the queued rows.
    mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        let insert = db.insert(into: table).columns(columns)
        for row in pending { insert.values(row) }
        if !key.isEmpty {
            let updates = self.updates
            if updates.isEmpty {
                insert.ignoringConflicts(with: key)
            } else {
                insert.onConflict(with: key) { builder in
                    var b = builder
                    for column in updates { b = b.set(excludedValueOf: column) }
                    return b
                }
            }
        }
        try await insert.run()
        pending.removeAll(keepingCapacity: true)
    }
}
