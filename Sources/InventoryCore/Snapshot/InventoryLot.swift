/// Stock on hand at the snapshot date, optionally one receipt lot of it (`inventory.csv`).
public struct InventoryLot: Hashable, Sendable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Base units on hand, ≥ 0.
    public var onHand: Double
    /// Who owns it.
    public var ownership: Ownership
    /// When this lot was received, for aging.
    public var receivedDate: Day?

    /// Creates a lot.
    public init(item: Int32, location: Int32, onHand: Double, ownership: Ownership = .owned, receivedDate: Day? = nil) {
        self.item = item
        self.location = location
        self.onHand = onHand
        self.ownership = ownership
        self.receivedDate = receivedDate
    }
}
