/// Which balance of a stock position a movement changes.
public enum PositionBucket: String, Sendable, CaseIterable, Codable {
    /// Physically at the location (allocated stock included).
    case onHand = "on_hand"
    /// Shipped to the location by a transfer, not yet arrived.
    case inTransit = "in_transit"
    /// On open purchase orders (`open_orders.csv`), less what receipts naming them received.
    case onOrder = "on_order"
    /// On hand but reserved for a work or sales order (`allocation` / `allocation_release`).
    case allocated
}
