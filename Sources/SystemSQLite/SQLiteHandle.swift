import Foundation

@_implementationOnly import CSQLite

/// A SQLite connection called synchronously, with a cache of prepared statements.
///
/// sqlite-nio runs every statement on a thread pool and resumes the caller afterwards: two
/// thread switches per statement, which dominated a single posting (six statements). Storage
/// holds one writer at a time anyway, so — as GRDB does — the statements run directly on the
/// calling thread; statements are prepared once per SQL text and reused (`sqlite3_reset`).
/// The C library is the system's SQLite (the `CSQLite` system-library target, Debian's
/// libsqlite3-dev), declared in Package.swift; every connection to a file goes through it, so
/// they share one SQLite and its file locking. This module keeps the C declarations to itself
/// (`@_implementationOnly`), so that Storage can use sqlite-kit's SQL dialect and value types
/// (whose own vendored copy of SQLite never opens a file) without two definitions of the C types
/// meeting in one module.
public final class SQLiteHandle: @unchecked Sendable {
    // @unchecked: `raw` is used only under `lock`, the statement cache likewise; SQLite itself is
    // opened in serialized mode (SQLITE_OPEN_FULLMUTEX).
    private let raw: OpaquePointer
    private let lock = NSLock()
    private var statements: [String: OpaquePointer] = [:]
    private var closed = false
    private static let maximumCachedStatements = 128
    /// The file (`:memory:` for a private in-memory database).
    public let path: String

    /// Opens (or creates) the database at `path`.
    public init(path: String) throws(SQLiteFailure) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let status = sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "status \(status)"
            if let handle { sqlite3_close(handle) }
            throw SQLiteFailure(status: status, message: message, sql: nil)
        }
        self.raw = handle
        self.path = path
    }

    deinit {
        if !closed {
            for statement in statements.values { sqlite3_finalize(statement) }
            sqlite3_close_v2(raw)
        }
    }

    /// Finalises the statements and closes the connection; later calls fail.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        for statement in statements.values { sqlite3_finalize(statement) }
        statements.removeAll()
        sqlite3_close_v2(raw)
    }

    /// Runs one statement with its binds, calling `onRow` with the column names and the values of
    /// every result row.
    public func execute(_ sql: String, _ binds: [SQLiteValue], _ onRow: ([String], [SQLiteValue]) -> Void) throws(SQLiteFailure) {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw SQLiteFailure(status: SQLITE_MISUSE, message: "the database '\(path)' is closed", sql: sql) }
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, bind) in binds.enumerated() {
            let i = Int32(index + 1)
            let status: Int32
            switch bind {
            case .integer(let value): status = sqlite3_bind_int64(statement, i, value)
            case .float(let value): status = sqlite3_bind_double(statement, i, value)
            case .null: status = sqlite3_bind_null(statement, i)
            case .text(let value):
                status = sqlite3_bind_text64(statement, i, value, UInt64(value.utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            case .blob(let value):
                status = value.withUnsafeBytes {
                    sqlite3_bind_blob64(statement, i, $0.baseAddress, UInt64($0.count), SQLITE_TRANSIENT)
                }
            }
            guard status == SQLITE_OK else { throw error(status, sql) }
        }
        var names: [String]? = nil
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status, sql) }
            let count = Int(sqlite3_column_count(statement))
            if names == nil {
                names = (0..<count).map { String(cString: sqlite3_column_name(statement, Int32($0))) }
            }
            var values: [SQLiteValue] = []
            values.reserveCapacity(count)
            for c in 0..<Int32(count) {
                switch sqlite3_column_type(statement, c) {
                case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(statement, c)))
                case SQLITE_FLOAT: values.append(.float(sqlite3_column_double(statement, c)))
                case SQLITE_TEXT:
                    let bytes = sqlite3_column_text(statement, c)
                    let length = Int(sqlite3_column_bytes(statement, c))
                    values.append(
                        .text(bytes.map { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""))
                case SQLITE_BLOB:
                    let length = Int(sqlite3_column_bytes(statement, c))
                    let bytes = sqlite3_column_blob(statement, c)
                    values.append(.blob(bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []))
                default: values.append(.null)
                }
            }
            onRow(names ?? [], values)
        }
    }

    private func prepared(_ sql: String) throws(SQLiteFailure) -> OpaquePointer {
        if let cached = statements[sql] { return cached }
        if statements.count >= Self.maximumCachedStatements {
            for statement in statements.values { sqlite3_finalize(statement) }
            statements.removeAll(keepingCapacity: true)
        }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(raw, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, sql) }
        statements[sql] = statement
        return statement
    }

    private func error(_ status: Int32, _ sql: String) -> SQLiteFailure {
        SQLiteFailure(status: status, message: String(cString: sqlite3_errmsg(raw)), sql: sql)
    }
}

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value SQLite stores or returns (its five storage classes).
public enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case float(Double)
    case text(String)
    case blob([UInt8])
    case null
}

/// An error of the SQLite library: its result code, its message and the statement.
public struct SQLiteFailure: Error, Sendable, CustomStringConvertible {
    /// SQLite's (extended) result code.
    public var status: Int32
    /// SQLite's message.
    public var message: String
    /// The statement, when one was running.
    public var sql: String?

    public var description: String {
        "SQLite error \(status): \(message)" + (sql.map { " (in: \($0.prefix(160)))" } ?? "")
    }
}
