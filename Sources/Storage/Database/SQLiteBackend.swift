import SQLKit
import SystemSQLite

/// SQLite: one connection (the system SQLite, called directly: ``SystemSQLite/SQLiteHandle``), write-ahead
/// log, a busy timeout, one writer at a time.
///
/// - WAL (`PRAGMA journal_mode=WAL`): readers in other processes never block the writer.
/// - `synchronous` FULL (default) or NORMAL, from the URL (``DatabaseURL/Synchronous``).
/// - `busy_timeout` 30 s: another process holding the write lock is waited for, not failed on.
/// - Write transactions start with `BEGIN IMMEDIATE`, so the write lock is taken at the start and
///   two writers never deadlock upgrading a read lock; in-process writers queue on an ``AsyncMutex``.
/// - Reads use a second, read-only connection (a file database only), so reading — `stock`,
///   `verify`, a web page — never waits for a long write in the same process (WAL snapshots).
struct SQLiteBackend: DatabaseBackend {
    let url: DatabaseURL
    let handle: SQLiteHandle
    let gate: AsyncMutex
    let reader: SQLiteHandle
    let readGate: AsyncMutex

    var db: any SQLDatabase { DirectSQLiteDatabase(handle: handle) }

    static func open(_ url: DatabaseURL) async throws -> SQLiteBackend {
        guard case .sqlite(let path, let synchronous) = url else {
            throw StorageError(.badDatabaseURL, "not a SQLite URL: \(url)")
        }
        let handle = try openHandle(path ?? ":memory:")
        let db = DirectSQLiteDatabase(handle: handle)
        do {
            // busy_timeout: another process holding the write lock is waited for, not failed on.
            try await db.raw("PRAGMA busy_timeout = 30000").run()
            if path != nil { try await db.raw("PRAGMA journal_mode = WAL").run() }
            try await db.raw(SQLQueryString("PRAGMA synchronous = \(unsafeRaw: synchronous == .full ? "FULL" : "NORMAL")")).run()
            try await db.raw("PRAGMA cache_size = -65536").run()
            try await db.raw("PRAGMA temp_store = MEMORY").run()
        } catch {
            throw StorageError(.connectionFailed, "cannot configure SQLite database '\(path ?? ":memory:")': \(error)")
        }
        guard let path else {
            // A private in-memory database exists once, on its one connection.
            let gate = AsyncMutex()
            return SQLiteBackend(url: url, handle: handle, gate: gate, reader: handle, readGate: gate)
        }
        let reader = try openHandle(path)
        let readDB = DirectSQLiteDatabase(handle: reader)
        do {
            try await readDB.raw("PRAGMA busy_timeout = 30000").run()
            try await readDB.raw("PRAGMA query_only = 1").run()
            try await readDB.raw("PRAGMA cache_size = -32768").run()
        } catch {
            throw StorageError(.connectionFailed, "cannot configure SQLite database '\(path)' for reading: \(error)")
        }
        return SQLiteBackend(url: url, handle: handle, gate: AsyncMutex(), reader: reader, readGate: AsyncMutex())
    }

    /// Opens a connection; a file that cannot be opened is a connection failure with SQLite's reason.
    private static func openHandle(_ path: String) throws(StorageError) -> SQLiteHandle {
        do {
            return try SQLiteHandle(path: path)
        } catch {
            throw StorageError(
                .connectionFailed,
                "cannot open SQLite database '\(path)': \(error.message) — check that the folder exists and is writable")
        }
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await gate.withLock {
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try await Self.rollBack(db, after: error)
                throw error
            }
        }
    }

    /// Rolls back after `error` ended a transaction. SQLite may have rolled back already (a failed
    /// COMMIT on a full disk, say: "no transaction is active"); any other failure to roll back is
    /// reported with the error, since the connection would otherwise stay inside the transaction.
    static func rollBack(_ db: any SQLDatabase, after error: any Error) async throws {
        do {
            try await db.raw("ROLLBACK").run()
        } catch let rollbackError {
            guard "\(rollbackError)".contains("no transaction is active") else {
                throw StorageError(.database, "\(error) — and rolling back failed: \(rollbackError)")
            }
        }
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let db = DirectSQLiteDatabase(handle: reader)
        return try await readGate.withLock {
            try await db.raw("BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try await Self.rollBack(db, after: error)
                throw error
            }
        }
    }

    func close() async {
        // Closing cannot fail (`SQLiteHandle.close` does not throw); the gates only wait for a
        // transaction in progress to finish first.
        await readGate.lock()
        reader.close()
        await readGate.unlock()
        await gate.lock()
        handle.close()
        await gate.unlock()
    }
}
