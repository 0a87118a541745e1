import SQLKit

/// One database, SQLite or PostgreSQL, reached through SQLKit: everything above this protocol is
/// written once for both.
protocol DatabaseBackend: Sendable {
    /// Where it is.
    var url: DatabaseURL { get }
    /// Runs `body` in one transaction: it commits when `body` returns and rolls back when it throws
    /// (GRDB's `write { db in … }`).
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` on a connection for reading (one consistent snapshot on both backends).
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes every connection.
    func close() async
}

/// Opens a backend; a namespace because protocol extensions cannot be called without a type.
enum Backends {
    static func open(_ url: DatabaseURL, connections: Int = 8) async throws -> any DatabaseBackend {
        switch url {
        case .sqlite:
            return try await SQLiteBackend.open(url)
        case .postgres:
            return try await PostgresBackend.open(url, connections: connections)
        }
    }
}
