/// An item-location: the unit that is classified, forecast and planned.
///
/// Both parts are indexes into the snapshot's ``Snapshot/items`` and ``Snapshot/locations``
/// (four bytes each), so millions of them stay small and hash fast.
public struct ItemLocation: Hashable, Sendable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32

    /// Creates an item-location from two snapshot indexes.
    public init(item: Int32, location: Int32) {
        self.item = item
        self.location = location
    }
}
