/// One line of a supplier's stock statement: what the supplier says it owns at our location.
public struct StockStatementLine: Sendable, Hashable {
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// Quantity in base units as stated.
    public var quantity: Double

    /// Creates a line.
    public init(itemID: String, locationID: String, quantity: Double) {
        self.itemID = itemID
        self.locationID = locationID
        self.quantity = quantity
    }
}
