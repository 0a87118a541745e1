public import InventoryCore

/// The open quantity of one line of a purchase order kept in the database (a saved proposal or a
/// purchase order in state proposed, approved, released, confirmed or partially received): supply
/// that the next netting counts like an open order of the extract (docs/procurement.md, "Stored
/// orders in the next run").
///
/// The open quantity is the line's quantity less what was received against it (a line received
/// in full is not open); it is due on the supplier's confirmed date when the order has one, else on
/// the line's due date.
public struct StoredOrderSupply: Sendable, Hashable {
    /// The stored order (`PO-000042`).
    public var orderID: String
    /// Its line number.
    public var line: Int
    /// The item's key.
    public var itemID: String
    /// The receiving location's key.
    public var locationID: String
    /// The order's state (`proposed`, `approved`, `released`, `confirmed`, `partially_received`).
    public var state: String
    /// When it is expected.
    public var due: Day
    /// Base units still to come (> 0).
    public var quantity: Double

    /// Creates the open quantity of a stored order line.
    public init(orderID: String, line: Int, itemID: String, locationID: String, state: String, due: Day, quantity: Double) {
        self.orderID = orderID
        self.line = line
        self.itemID = itemID
        self.locationID = locationID
        self.state = state
        self.due = due
        self.quantity = quantity
    }
}
