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
    /// The lot's identifier (`lot_id`); `nil`: the count line is no named lot.
    public var lotID: String?
    /// Book value per base unit of this lot (`unit_cost`); `nil`: the item's unit cost.
    public var unitCost: Double?
    /// When the lot expires (`expiry_date`).
    public var expiryDate: Day?

    /// Creates a lot.
    public init(
        item: Int32, location: Int32, onHand: Double, ownership: Ownership = .owned, supplier: Int32? = nil,
        receivedDate: Day? = nil, lotID: String? = nil, unitCost: Double? = nil, expiryDate: Day? = nil
    ) {
        self.lotID = lotID
        self.unitCost = unitCost
        self.expiryDate = expiryDate
        self.item = item
        self.location = location
        self.onHand = onHand
        self.ownership = ownership
        self.supplier = supplier
        self.receivedDate = receivedDate
    }
}
