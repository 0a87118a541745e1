import Foundation
import SQLKit
import Testing

@testable import Storage

/// TLS to PostgreSQL as the URL's `sslmode` says, against the CI server (`.ci/postgres.sh` turns TLS
/// on with a self-signed certificate and `.ci/run` exports it as `PROCURA_TEST_POSTGRES_CA`).
@Suite(
    "PostgreSQL TLS", .serialized,
    .enabled(
        if: TestDatabase.postgresURL != nil && TestDatabase.postgresCertificate != nil,
        "PostgreSQL TLS tests skipped: set PROCURA_TEST_POSTGRES_URL and PROCURA_TEST_POSTGRES_CA (see .ci/postgres.sh)"))
struct PostgresTLSTests {
    /// Whether the store's connection is encrypted, as the server sees it.
    static func encrypted(_ options: String) async throws -> Bool {
        let url = try DatabaseURL(parsing: try #require(TestDatabase.postgresURL) + options)
        let backend = try await Backends.open(url, connections: 1)
        defer { Task { await backend.close() } }
        return try await backend.read { db in
            try await db.raw("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first()?.decode(
                column: "ssl", as: Bool.self) ?? false
        }
    }

    @Test("disable is plain; prefer, require, verify-ca and verify-full (with the server's CA) are encrypted")
    func modes() async throws {
        let ca = try #require(TestDatabase.postgresCertificate)
        #expect(try await Self.encrypted("?sslmode=disable") == false)
        #expect(try await Self.encrypted("") == true)
        #expect(try await Self.encrypted("?sslmode=require") == true)
        #expect(try await Self.encrypted("?sslmode=verify-ca&sslrootcert=\(ca)") == true)
        #expect(try await Self.encrypted("?sslmode=verify-full&sslrootcert=\(ca)") == true)
    }

    @Test("verify-full refuses a server whose certificate the trust store does not vouch for")
    func untrusted() async throws {
        await #expect {
            _ = try await Self.encrypted("?sslmode=verify-full")
        } throws: { error in
            guard let e = error as? StorageError else { return false }
            return e.code == .connectionFailed && e.message.hasPrefix("cannot connect to postgres://")
        }
    }
}

extension TestDatabase {
    /// The CI server's self-signed certificate (`PROCURA_TEST_POSTGRES_CA`), when configured.
    static let postgresCertificate: String? = {
        let path = ProcessInfo.processInfo.environment["PROCURA_TEST_POSTGRES_CA"] ?? ""
        return path.isEmpty ? nil : path
    }()
}
