/// One line of the stock count (`inventory.csv`): stock on hand at the start of the count date
/// (``Snapshot/stockCountDate``), optionally one receipt lot of it.
public struct InventoryLot: Hashable, Sendable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Base units on hand, ≥ 0.
    public var onHand: Double
    /// Who owns it.
    public var ownership: Ownership
    /// The owning supplier of consignment/VMI stock (index into ``Snapshot/suppliers``).
    public var supplier: Int32?
    /// When this lot was received, for aging.
    public var receivedDate: Day?

    /// Creates a lot.
    public init(
        item: Int32, location: Int32, onHand: Double, ownership: Ownership = .owned, supplier: Int32? = nil,
        receivedDate: Day? = nil
    ) {
        self.item = item
        self.location = location
        self.onHand = onHand
        self.ownership = ownership
        self.supplier = supplier
        self.receivedDate = receivedDate
    }
}
