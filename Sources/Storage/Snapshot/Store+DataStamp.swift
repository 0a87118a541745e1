import InventoryCore

extension Store {
    /// What the stored data is, as one text: the day, the last ledger entry, the last audit entry
    /// (other than a change-set preview), the closures and the data set's info — the stamp change
    /// sets store with a preview (docs/changesets.md, "Preview"). The same stamp: the same data, so
    /// a snapshot read at one stamp holds for every call at that stamp.
    public func dataStamp() async throws -> String {
        let today = clock.today()
        return try await backend.read { db in try await ChangeSetRows.dataStamp(today: today, db) }
    }
}
