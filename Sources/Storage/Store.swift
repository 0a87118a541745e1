public import InventoryCore
import SQLKit

/// Procura's books in a database: master data, demand history, the inventory ledger and its
/// positions, open orders, plan runs — on SQLite or PostgreSQL with the same code (SQLKit).
///
/// ```swift
/// let store = try await Store.open(try DatabaseURL(parsing: "sqlite:./procura.sqlite"))
/// defer { Task { await store.close() } }
/// let result = try await store.post(PostingRequest(key: "r-1", date: day, type: .receipt,
///                                                   itemID: "P-100", locationID: "DC1", quantity: 10))
/// ```
///
/// Opening applies the migrations the database lacks (forward only, `schema_migrations`).
/// Every write is one transaction: it applies completely or not at all.
public struct Store: Sendable {
    let backend: any DatabaseBackend
    /// Group commit of single postings (SQLite only: one writer, one fsync per group).
    let committer: GroupCommitter?
    /// What "now" is for this store: the times it records (`recorded_at`, `created_at`, audit
    /// entries) and the day the posting-date window is measured from when a caller gives none.
    public let clock: any WallClock

    init(backend: any DatabaseBackend, clock: any WallClock = SystemClock()) {
        self.backend = backend
        self.clock = clock
        self.committer = backend.url.isSQLite ? GroupCommitter(clock: clock) : nil
    }

    /// The database this store writes to.
    public var url: DatabaseURL { backend.url }

    /// Opens (creating a SQLite file when missing) and migrates the database.
    ///
    /// - Parameters:
    ///   - connections: PostgreSQL pool size (SQLite uses one connection).
    ///   - clock: what "now" is (``WallClock``; tests fix it with ``FixedClock``).
    public static func open(_ url: DatabaseURL, connections: Int = 8, clock: any WallClock = SystemClock()) async throws -> Store
    {
        let backend = try await Backends.open(url, connections: connections)
        do {
            try await Migrator.migrate(backend, at: clock.now())
        } catch {
            await backend.close()
            throw error
        }
        return Store(backend: backend, clock: clock)
    }

    /// The schema versions applied, ascending.
    public func schemaVersions() async throws -> [Int] {
        try await backend.read { db in try await Migrator.appliedVersions(db) }
    }

    /// Closes the connections; the store must not be used afterwards.
    public func close() async {
        await backend.close()
    }

    /// Allows or refuses negative on-hand at a location (default: refused).
    public func setAllowNegativeStock(_ allowed: Bool, locationID: String) async throws {
        try await backend.transaction { db in
            let rows = try await db.raw(
                "UPDATE locations SET allow_negative = \(bind: allowed ? 1 : 0) WHERE location_id = \(bind: locationID) RETURNING location_id"
            ).all()
            if rows.isEmpty {
                throw StorageError(
                    .unknownLocation, "location '\(locationID)' is not in the database — import it first (locations.csv)")
            }
        }
    }
}
