import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import SystemSQLite

/// SQLKit's ``SQLDatabase`` over a ``SystemSQLite/SQLiteHandle``: the SQL is SQLKit's (sqlite-kit's
/// dialect, encoder and decoder), only the execution is synchronous, on the system SQLite.
struct DirectSQLiteDatabase: SQLDatabase {
    let handle: SQLiteHandle
    let logger = Logger(label: "procura.storage.sqlite")
    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        let values = try binds.map { SQLiteValue(try encoder.encode($0)) }
        do {
            try handle.execute(sql, values) { names, row in onRow(DirectSQLiteRow(names: names, values: row.map(SQLiteData.init)))
            }
        } catch {
            throw StorageError(.database, error.description)
        }
    }
}

extension SQLiteValue {
    /// sqlite-kit's value as the system SQLite's.
    init(_ data: SQLiteData) {
        switch data {
        case .integer(let value): self = .integer(Int64(value))
        case .float(let value): self = .float(value)
        case .text(let value): self = .text(value)
        case .blob(let buffer): self = .blob(Array(buffer.readableBytesView))
        case .null: self = .null
        }
    }
}

extension SQLiteData {
    /// The system SQLite's value as sqlite-kit's (for its decoder).
    init(_ value: SQLiteValue) {
        switch value {
        case .integer(let value): self = .integer(Int(value))
        case .float(let value): self = .float(value)
        case .text(let value): self = .text(value)
        case .blob(let bytes): self = .blob(ByteBuffer(bytes: bytes))
        case .null: self = .null
        }
    }
}
