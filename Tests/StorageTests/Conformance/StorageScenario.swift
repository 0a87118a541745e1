import Foundation
import SQLKit
import Testing

@testable import Storage

/// One scenario of the storage conformance suite: a function of a fresh, migrated database.
/// The same list runs on SQLite always and on PostgreSQL when `PROCURA_TEST_POSTGRES_URL` is set
/// (sql-kit runs one benchmark suite on every driver the same way).
struct StorageScenario: Sendable, CustomTestStringConvertible {
    var name: String
    var body: @Sendable (Store) async throws -> Void

    var testDescription: String { name }

    /// Every scenario, in a fixed order.
    static let all: [StorageScenario] =
        ledger + ledgerRules + imports + snapshots + lots + reporting + administration + accounts + [concurrency]
        + purchaseOrders + orderNetting + purchaseOrderReceipts + provisions + dispositions + exposure + exposureCloses
        + purchaseOrderImports + manualOrders + emergencyBuys + approvalRules + catalogPrices + scenarioSpecs
        + redundancyPlans + sharing + vmiAgreements + changeSets + vmiOperations + postmortems
}

/// Fresh databases for the scenarios.
enum TestDatabase {
    /// The PostgreSQL URL of the conformance suite, when configured.
    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["PROCURA_TEST_POSTGRES_URL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    /// Runs `body` on a new SQLite file, removed afterwards.
    static func withSQLite(_ body: (Store) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await Store.open(try DatabaseURL(parsing: "sqlite:" + folder.appendingPathComponent("test.sqlite").path))
        do {
            try await body(store)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }

    /// Runs `body` on the configured PostgreSQL database after emptying its `public` schema.
    static func withPostgres(_ body: (Store) async throws -> Void) async throws {
        let url = try DatabaseURL(parsing: try #require(postgresURL))
        let backend = try await Backends.open(url, connections: 1)
        try await backend.transaction { db in
            try await db.raw("DROP SCHEMA public CASCADE").run()
            try await db.raw("CREATE SCHEMA public").run()
        }
        await backend.close()
        let store = try await Store.open(url, connections: 8)
        do {
            try await body(store)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Row counts of tables, through the store's own connection.
func tableCounts(_ store: Store, _ tables: [String]) async throws -> [String: Int] {
    try await store.backend.read { db in
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table] =
                try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? -1
        }
        return counts
    }
}
