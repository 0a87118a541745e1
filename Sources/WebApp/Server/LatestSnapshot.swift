import InventoryCore
import Storage
import Synchronization

/// The stored data as one snapshot (``Storage/Store/loadSnapshot(settings:asOf:)`` with default
/// settings), read again only when ``Storage/Store/dataStamp()`` has changed: one slot, so the
/// reads of the supplier-facing VMI operations between two postings share one snapshot instead
/// of reading the database each.
final class LatestSnapshot: Sendable {
    private let slot = Mutex<(stamp: String, snapshot: Snapshot)?>(nil)

    /// The snapshot of the data as it is now.
    func snapshot(_ store: Store) async throws -> Snapshot {
        let stamp = try await store.dataStamp()
        if let cached = slot.withLock({ $0 }), cached.stamp == stamp { return cached.snapshot }
        // Read after the stamp: a write in between makes the snapshot newer than its stamp, never older.
        let snapshot = try await store.loadSnapshot()
        slot.withLock { $0 = (stamp, snapshot) }
        return snapshot
    }
}
