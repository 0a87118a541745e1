import ArgumentParser
import InventoryCore
import Storage

/// The one way a command that reads either a data folder (`DATA`) or the database gets its
/// snapshot: the folder when it is given, else the database's current data with its settings.
extension DatabaseOptions {
    /// Refuses a data folder together with `--database`.
    func refuseBoth(data: String?) throws {
        if data != nil, database != nil { throw ValidationError("give either a data folder or --database, not both") }
    }

    /// The snapshot of the data folder `data` when given (invalid data exits 65), else of the
    /// database (storage errors exit 1).
    func snapshot(folder data: String?, quiet: Bool) async throws -> Snapshot {
        if let data { return try DataFolderLoading.load(data, quiet: quiet) }
        return try await withStore { try await $0.loadSnapshot(settings: try await $0.planningSettings()) }
    }
}
