import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through postgres-nio: a small pool of connections, one transaction per connection,
/// `READ COMMITTED`; a transaction that fails with a deadlock or serialization failure
/// (SQLSTATE 40P01, 40001) is run again, up to five times.
struct PostgresBackend: DatabaseBackend {
    let url: DatabaseURL
    let pool: PostgresPool

    static func open(_ url: DatabaseURL, connections: Int) async throws -> PostgresBackend {
        guard case .postgres(let host, let port, let user, let password, let database) = url else {
            throw StorageError(.badDatabaseURL, "not a PostgreSQL URL: \(url)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: .disable)
        configuration.options.requireBackendKeyData = false
        let pool = PostgresPool(configuration: configuration, maximum: max(1, connections), description: url.description)
        // Connect once now so a bad URL fails here, with a clear message.
        let connection = try await pool.acquire()
        await pool.release(connection)
        return PostgresBackend(url: url, pool: pool)
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            let connection = try await pool.acquire()
            let db = connection.sql(queryLogLevel: nil)
            do {
                try await db.raw("BEGIN").run()
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                await pool.release(connection)
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                await pool.release(connection)
                if attempt < 5, let state = (error as? PSQLError)?.serverInfo?[.sqlState], state == "40001" || state == "40P01" {
                    continue
                }
                throw error
            }
        }
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.acquire()
        let db = connection.sql(queryLogLevel: nil)
        do {
            try await db.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            await pool.release(connection)
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            await pool.release(connection)
            throw error
        }
    }

    func close() async {
        await pool.closeAll()
    }
}

/// A minimal pool: up to `maximum` connections, opened on demand, handed out first come first served.
actor PostgresPool {
    private let configuration: PostgresConnection.Configuration
    private let maximum: Int
    private let description: String
    private var idle: [PostgresConnection] = []
    private var open = 0
    private var waiters: [CheckedContinuation<PostgresConnection, any Error>] = []
    private var nextID = 0

    init(configuration: PostgresConnection.Configuration, maximum: Int, description: String) {
        self.configuration = configuration
        self.maximum = maximum
        self.description = description
    }

    func acquire() async throws -> PostgresConnection {
        while let connection = idle.popLast() {
            if !connection.isClosed { return connection }
            open -= 1
        }
        if open < maximum {
            open += 1
            return try await connect()
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    /// Opens a connection counted in `open` (the caller has counted it).
    private func connect() async throws -> PostgresConnection {
        nextID += 1
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: nextID, logger: Logger(label: "procura.storage.postgres"))
        } catch {
            open -= 1
            throw StorageError(
                .connectionFailed,
                "cannot connect to \(description): \(String(reflecting: error)) — check that the server runs and the URL's user, password and database are right"
            )
        }
    }

    func release(_ connection: PostgresConnection) async {
        if connection.isClosed {
            // A broken connection: replace it for the next waiter, if any.
            guard !waiters.isEmpty else {
                open -= 1
                return
            }
            let waiter = waiters.removeFirst()
            do {
                waiter.resume(returning: try await connect())
            } catch {
                waiter.resume(throwing: error)
            }
            return
        }
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    func closeAll() async {
        let connections = idle
        idle = []
        for connection in connections { try? await connection.close() }
        open -= connections.count
    }
}
