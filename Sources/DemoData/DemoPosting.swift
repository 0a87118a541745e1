import InventoryCore

/// One `transactions.csv` row as the demo writes it.
struct DemoPosting: Sendable {
    var key: String
    var date: Day
    var type: PostingType
    var item: Int32
    var location: Int32
    /// Quantity in ``uom`` (signed for adjustments).
    var quantity: Double
    /// The unit of ``quantity``; `nil` for the base unit (written empty).
    var uom: String?
    /// Decimals to write ``quantity`` with.
    var decimals: Int
    var toLocation: Int32?
    var supplier: Int32?
    var owner: Ownership
    /// Valuation cost per base unit; `nil` for the item's standard cost (written empty).
    var unitCost: Double?
    var reason: String
    var reference: String
}
