import Storage
import Testing

@Suite("Storage conformance on SQLite")
struct SQLiteConformanceTests {
    @Test("scenario", arguments: StorageScenario.all)
    func scenario(_ scenario: StorageScenario) async throws {
        try await TestDatabase.withSQLite { store in
            try await scenario.body(store)
            try await store._checkInvariants()
        }
    }
}

@Suite(
    "Storage conformance on PostgreSQL", .serialized,
    .enabled(if: TestDatabase.postgresURL != nil, "PostgreSQL tests skipped: set PROCURA_TEST_POSTGRES_URL (see .ci/postgres.sh)")
)
struct PostgresConformanceTests {
    @Test("scenario", arguments: StorageScenario.all)
    func scenario(_ scenario: StorageScenario) async throws {
        try await TestDatabase.withPostgres { store in
            try await scenario.body(store)
            try await store._checkInvariants()
        }
    }
}
