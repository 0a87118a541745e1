/// A purchase receipt from history (`receipts.csv`); its observed lead time is
/// `receiptDate − orderDate`.
public struct Receipt: Hashable, Sendable {
    /// The purchase order.
    public var orderID: String
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Index into ``Snapshot/suppliers``.
    public var supplier: Int32
    /// When the order was placed.
    public var orderDate: Day
    /// The date the supplier confirmed or the catalog lead time implied.
    public var dueDate: Day?
    /// When the goods arrived.
    public var receiptDate: Day
    /// Base units received, > 0.
    public var quantity: Double
    /// Base units ordered on that line.
    public var orderedQuantity: Double?
    /// Price paid per base unit.
    public var unitPrice: Double?

    /// Observed lead time in days.
    public var leadTimeDays: Int { orderDate.distance(to: receiptDate) }

    /// Creates a receipt.
    public init(
        orderID: String, item: Int32, location: Int32, supplier: Int32, orderDate: Day, dueDate: Day? = nil,
        receiptDate: Day, quantity: Double, orderedQuantity: Double? = nil, unitPrice: Double? = nil
    ) {
        self.orderID = orderID
        self.item = item
        self.location = location
        self.supplier = supplier
        self.orderDate = orderDate
        self.dueDate = dueDate
        self.receiptDate = receiptDate
        self.quantity = quantity
        self.orderedQuantity = orderedQuantity
        self.unitPrice = unitPrice
    }
}
