/// One line of `stock_history.csv`: stock on hand of an item-location and owner at the end of a
/// past day, as the ERP exported it (typically month or week ends).
public struct StockHistoryPoint: Hashable, Sendable {
    /// The day whose end the stock is for.
    public var date: Day
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Whose stock.
    public var ownership: Ownership
    /// Base units on hand, ≥ 0.
    public var onHand: Double
    /// Book value of that stock; `nil`: on hand × the item's unit cost.
    public var value: Double?

    /// Creates a point.
    public init(date: Day, item: Int32, location: Int32, ownership: Ownership = .owned, onHand: Double, value: Double? = nil) {
        self.date = date
        self.item = item
        self.location = location
        self.ownership = ownership
        self.onHand = onHand
        self.value = value
    }
}
