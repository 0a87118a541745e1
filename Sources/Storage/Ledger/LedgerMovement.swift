public import InventoryCore

/// Which balance of a position a movement changes.
public enum PositionBucket: String, Sendable, CaseIterable, Codable {
    /// Physically at the location.
    case onHand = "on_hand"
    /// Shipped to the location by a transfer, not yet arrived.
    case inTransit = "in_transit"
    /// On open purchase orders (from `open_orders`).
    case onOrder = "on_order"
    /// Reserved for demand (no posting type moves it yet).
    case allocated
}

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
        (a.itemID, a.locationID, a.owner.rawValue, a.ownerSupplierID) < (b.itemID, b.locationID, b.owner.rawValue, b.ownerSupplierID)
    }
}

/// One line of a ledger entry's effect: `quantity` added to one bucket of one position.
public struct LedgerMovement: Hashable, Sendable {
    /// The position.
    public var position: PositionKey
    /// The balance changed.
    public var bucket: PositionBucket
    /// Signed change, millionths of a base unit.
    public var quantity: Int64

    /// Creates a movement.
    public init(position: PositionKey, bucket: PositionBucket, quantity: Int64) {
        self.position = position
        self.bucket = bucket
        self.quantity = quantity
    }
}
