import InventoryCore

/// Everything the simulation of one item-location produced, in ticks (base units × scale).
struct DemoItemLocationHistory: Sendable {
    /// One purchase receipt line.
    struct ReceiptLine: Sendable {
        var orderID: String
        var supplier: Int32
        var orderDate: Day
        var dueDate: Day
        var receiptDate: Day
        var quantity: Int64
        var orderedQuantity: Int64
        /// Price paid per base unit.
        var unitPrice: Double
    }

    /// One open purchase order line.
    struct OpenLine: Sendable {
        var orderID: String
        var supplier: Int32
        var quantity: Int64
        var dueDate: Day
        var purchaseUnitPrice: Double
    }

    /// Recorded (stock-limited) demand per day with demand, ascending.
    var demand: [(day: Day, quantity: Int64)] = []
    /// Days that ended with no stock while demand was expected, ascending.
    var stockouts: [Day] = []
    /// Receipts, by receipt date (owned stock only; consignment and VMI stock is the supplier's).
    var receipts: [ReceiptLine] = []
    /// Receipts of consignment/VMI stock (the supplier's), by receipt date: day, ticks, order.
    var supplierReceipts: [(day: Day, quantity: Int64, orderID: String)] = []
    /// Stock on hand at the end of each month before the snapshot date (`stock_history.csv`).
    var monthEnds: [(day: Day, onHand: Int64)] = []
    /// Stock on hand at the snapshot date, by receipt lot, oldest first.
    var lots: [(quantity: Int64, received: Day)] = []
    /// Purchase orders not yet received at the snapshot date (owned stock only).
    var openOrders: [OpenLine] = []

    /// Total stock on hand at the snapshot date.
    var closingStock: Int64 { lots.reduce(0) { $0 + $1.quantity } }
}
