import Foundation
import NIOCore
import SQLiteNIO
import VaporCSQLite

/// A SQLite connection called synchronously, with a cache of prepared statements.
///
/// sqlite-nio runs every statement on a thread pool and resumes the caller afterwards: two
/// thread switches per statement, which dominated a single posting (six statements). Storage
/// holds one writer at a time anyway, so — as GRDB does — the statements run directly on the
/// calling thread; statements are prepared once per SQL text and reused (`sqlite3_reset`).
/// The C library is sqlite-nio's own copy (`VaporCSQLite`), so every connection in the process
/// shares one SQLite and its file locking.
final class SQLiteHandle: @unchecked Sendable {
    // @unchecked: `raw` is used only under `lock`, the statement cache likewise; SQLite itself is
    // opened in serialized mode (SQLITE_OPEN_FULLMUTEX).
    private let raw: OpaquePointer
    private let lock = NSLock()
    private var statements: [String: OpaquePointer] = [:]
    private var closed = false
    private static let maximumCachedStatements = 128
    let path: String

    init(path: String) throws {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "status \(status)"
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw StorageError(.connectionFailed, "cannot open SQLite database '\(path)': \(message) — check that the folder exists and is writable")
        }
        self.raw = handle
        self.path = path
    }

    deinit {
        if !closed {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            sqlite_nio_sqlite3_close_v2(raw)
        }
    }

    /// Finalises the statements and closes the connection; later calls fail.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements.removeAll()
        sqlite_nio_sqlite3_close_v2(raw)
    }

    /// Runs one statement with its binds, calling `onRow` for every result row.
    func execute(_ sql: String, _ binds: [SQLiteData], _ onRow: (DirectSQLiteRow) -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw StorageError(.database, "the SQLite database '\(path)' is closed") }
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, bind) in binds.enumerated() {
            let i = Int32(index + 1)
            let status: Int32
            switch bind {
            case .integer(let value): status = sqlite_nio_sqlite3_bind_int64(statement, i, Int64(value))
            case .float(let value): status = sqlite_nio_sqlite3_bind_double(statement, i, value)
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, i)
            case .text(let value):
                status = sqlite_nio_sqlite3_bind_text64(statement, i, value, UInt64(value.utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            case .blob(let value):
                status = value.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, i, $0.baseAddress, UInt64($0.count), SQLITE_TRANSIENT)
                }
            }
            guard status == SQLITE_OK else { throw error(status, sql) }
        }
        var names: [String]? = nil
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status, sql) }
            let count = Int(sqlite_nio_sqlite3_column_count(statement))
            if names == nil {
                names = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, Int32($0))) }
            }
            var values: [SQLiteData] = []
            values.reserveCapacity(count)
            for c in 0..<Int32(count) {
                switch sqlite_nio_sqlite3_column_type(statement, c) {
                case SQLITE_INTEGER: values.append(.integer(Int(sqlite_nio_sqlite3_column_int64(statement, c))))
                case SQLITE_FLOAT: values.append(.float(sqlite_nio_sqlite3_column_double(statement, c)))
                case SQLITE_TEXT:
                    let bytes = sqlite_nio_sqlite3_column_text(statement, c)
                    let length = Int(sqlite_nio_sqlite3_column_bytes(statement, c))
                    values.append(.text(bytes.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""))
                case SQLITE_BLOB:
                    let length = Int(sqlite_nio_sqlite3_column_bytes(statement, c))
                    var buffer = ByteBufferAllocator().buffer(capacity: length)
                    if let bytes = sqlite_nio_sqlite3_column_blob(statement, c) {
                        buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
                    }
                    values.append(.blob(buffer))
                default: values.append(.null)
                }
            }
            onRow(DirectSQLiteRow(names: names ?? [], values: values))
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        if statements.count >= Self.maximumCachedStatements {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements.removeAll(keepingCapacity: true)
        }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(raw, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, sql) }
        statements[sql] = statement
        return statement
    }

    private func error(_ status: Int32, _ sql: String) -> StorageError {
        let message = String(cString: sqlite_nio_sqlite3_errmsg(raw))
        return StorageError(.database, "SQLite error \(status): \(message) (in: \(sql.prefix(160)))")
    }
}

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
