import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through postgres-nio's `PostgresClient` (its connection pool), run for as long as the
/// store is open: one transaction per connection, `READ COMMITTED` for writes, `REPEATABLE READ
/// READ ONLY` for reads; a transaction that fails with a deadlock or a serialization failure
/// (SQLSTATE 40P01, 40001) is run again, up to five times. TLS as the URL's `sslmode` says.
struct PostgresBackend: DatabaseBackend {
    let url: DatabaseURL
    let client: PostgresClient
    /// The task running the client's pool (`PostgresClient.run()`); cancelled by ``close()``.
    let running: Task<Void, Never>

    static func open(_ url: DatabaseURL, connections: Int) async throws -> PostgresBackend {
        guard case .postgres(let host, let port, let user, let password, let database, let tls) = url else {
            throw StorageError(.badDatabaseURL, "not a PostgreSQL URL: \(url)")
        }
        let context = try tlsContext(tls, url: url)
        // Connect once now, on a connection of its own, so that a bad URL, a server that is down or
        // a certificate that does not verify fails here at once with the server's or TLS's reason
        // (the pool would keep retrying in the background).
        let probeTLS: PostgresConnection.Configuration.TLS
        do {
            probeTLS =
                try context.map {
                    tls.mode == .prefer
                        ? .prefer(try NIOSSLContext(configuration: $0)) : .require(try NIOSSLContext(configuration: $0))
                } ?? .disable
        } catch {
            throw StorageError(.badDatabaseURL, "\(url): the TLS settings cannot be used: \(error)")
        }
        var probe = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: probeTLS)
        probe.options.requireBackendKeyData = false
        probe.options.connectTimeout = .seconds(10)
        let logger = Logger(label: "procura.storage.postgres")
        do {
            let connection = try await PostgresConnection.connect(configuration: probe, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw StorageError(
                .connectionFailed,
                "cannot connect to \(url): \(String(reflecting: error)) — check that the server runs, the URL's user, password and database are right, and its sslmode suits the server"
            )
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database,
            tls: context.map { tls.mode == .prefer ? .prefer($0) : .require($0) } ?? .disable)
        configuration.options.maximumConnections = max(1, connections)
        configuration.options.minimumConnections = 0
        configuration.options.requireBackendKeyData = false
        configuration.options.connectTimeout = .seconds(10)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let running = Task { await client.run() }
        return PostgresBackend(url: url, client: client, running: running)
    }

    /// The TLS configuration of a URL's `sslmode` (libpq's meanings), `nil` for `disable`.
    static func tlsContext(_ tls: DatabaseURL.TLS, url: DatabaseURL) throws(StorageError) -> TLSConfiguration? {
        var context = TLSConfiguration.makeClientConfiguration()
        switch tls.mode {
        case .disable: return nil
        case .prefer, .require: context.certificateVerification = .none
        case .verifyCA: context.certificateVerification = .noHostnameVerification
        case .verifyFull: context.certificateVerification = .fullVerification
        }
        if let path = tls.rootCertificatePath {
            do {
                context.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw StorageError(
                    .badDatabaseURL, "\(url): cannot read the CA certificates in '\(path)' (sslrootcert): \(error)")
            }
        }
        return context
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await run("BEGIN", body)
            } catch {
                if attempt < 5, let state = (error as? PSQLError)?.serverInfo?[.sqlState], state == "40001" || state == "40P01" {
                    continue
                }
                throw error
            }
        }
    }

    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body` between `begin` and `COMMIT` on one pooled connection; rolls back when it throws.
    private func run<T: Sendable>(_ begin: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            let db = connection.sql(queryLogLevel: nil)
            try await db.raw("\(unsafeRaw: begin)").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                // The caller gets the error that ended the transaction; a failed ROLLBACK (the
                // connection is gone, say) leaves nothing to undo — the server discards an
                // uncommitted transaction with its connection — so it is not reported over it.
                do { try await db.raw("ROLLBACK").run() } catch {}
                throw error
            }
        }
    }

    func close() async {
        running.cancel()
        await running.value
    }
}
