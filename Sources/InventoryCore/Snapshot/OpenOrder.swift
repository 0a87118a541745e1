/// A purchase order or transfer not yet received (`open_orders.csv`).
public struct OpenOrder: Hashable, Sendable {
    /// Order number.
    public var orderID: String
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Receiving location, index into ``Snapshot/locations``.
    public var location: Int32
    /// Supplier index for a purchase order; `nil` for a transfer.
    public var supplier: Int32?
    /// Shipping location index for a transfer.
    public var fromLocation: Int32?
    /// Outstanding base units.
    public var quantity: Double
    /// Expected receipt.
    public var dueDate: Day

    /// Creates an open order.
    public init(
        orderID: String, item: Int32, location: Int32, supplier: Int32? = nil, fromLocation: Int32? = nil,
        quantity: Double, dueDate: Day
    ) {
        self.orderID = orderID
        self.item = item
        self.location = location
        self.supplier = supplier
        self.fromLocation = fromLocation
        self.quantity = quantity
        self.dueDate = dueDate
    }
}
