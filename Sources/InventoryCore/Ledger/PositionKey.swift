/// The key of a stock position: item, location and owner (the supplier, for supplier-owned stock).
public struct PositionKey: Hashable, Sendable, Comparable {
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// Who owns the stock.
    public var owner: Ownership
    /// The owning supplier for consignment/VMI stock; empty for owned stock.
    public var ownerSupplierID: String

    /// Creates a key.
    public init(itemID: String, locationID: String, owner: Ownership = .owned, ownerSupplierID: String = "") {
        self.itemID = itemID
        self.locationID = locationID
        self.owner = owner
        self.ownerSupplierID = ownerSupplierID
    }

    public static func < (a: PositionKey, b: PositionKey) -> Bool {
        (a.itemID, a.locationID, a.owner.rawValue, a.ownerSupplierID) < (
            b.itemID, b.locationID, b.owner.rawValue, b.ownerSupplierID
        )
    }

    /// How the position reads in messages: `owned` or `consignment of S1`.
    public var ownerText: String { owner == .owned ? "owned" : "\(owner.rawValue) of \(ownerSupplierID)" }
}
