/// What one posting does to stock positions (``LedgerRules/effect(of:)``).
public struct PostingEffect: Hashable, Sendable {
    /// The changes, in line order.
    public var movements: [LedgerMovement]
    /// Base units (millionths) a receipt received beyond what its open order still had
    /// outstanding; 0 when it named no open order or stayed within it. On order never goes below
    /// zero: the excess is reported here (a finding), not subtracted.
    public var overReceipt: Int64
    /// Whether the posting is dated before the stock count: history, which the count already
    /// includes — it moved neither on hand nor on order.
    public var isHistory: Bool

    /// Creates an effect.
    public init(movements: [LedgerMovement], overReceipt: Int64 = 0, isHistory: Bool = false) {
        self.movements = movements
        self.overReceipt = overReceipt
        self.isHistory = isHistory
    }
}

/// What an open purchase-order line still has outstanding, for a receipt that names it.
public struct OpenOrderBalance: Hashable, Sendable {
    /// The order number (`open_orders.csv` `order_id`, the receipt's `reference`).
    public var orderID: String
    /// Outstanding millionths of a base unit (≥ 0).
    public var outstanding: Int64

    /// Creates a balance.
    public init(orderID: String, outstanding: Int64) {
        self.orderID = orderID
        self.outstanding = outstanding
    }
}

/// A posting with its keys resolved: what ``LedgerRules/effect(of:)`` needs.
public struct ResolvedPosting: Hashable, Sendable {
    /// The posting type (not ``PostingType/reversal``: see ``LedgerRules/reversal(of:)``).
    public var type: PostingType
    /// Posting date.
    public var date: Day
    /// The item.
    public var itemID: String
    /// The location (the shipping location of a `transfer_out`).
    public var locationID: String
    /// Where a transfer arrives (``LedgerRules/receivingLocation(of:)``); `nil` otherwise.
    public var receivingLocationID: String?
    /// Whose stock (``LedgerRules/owner(of:consumptionDefault:)``).
    public var owner: Ownership
    /// The owning supplier of consignment/VMI stock.
    public var supplierID: String?
    /// Millionths of a base unit: positive, signed for adjustments.
    public var quantity: Int64
    /// The first day of the stock count; postings before it are history. `nil`: no count.
    public var stockCountDate: Day?
    /// The open purchase-order line a receipt names (its `reference`), if any.
    public var openOrder: OpenOrderBalance?

    /// Creates a resolved posting.
    public init(
        type: PostingType, date: Day, itemID: String, locationID: String, receivingLocationID: String? = nil, owner: Ownership,
        supplierID: String? = nil, quantity: Int64, stockCountDate: Day? = nil, openOrder: OpenOrderBalance? = nil
    ) {
        self.type = type
        self.date = date
        self.itemID = itemID
        self.locationID = locationID
        self.receivingLocationID = receivingLocationID
        self.owner = owner
        self.supplierID = supplierID
        self.quantity = quantity
        self.stockCountDate = stockCountDate
        self.openOrder = openOrder
    }

    /// Whether the posting is dated before the stock count.
    public var isHistory: Bool { stockCountDate.map { date < $0 } ?? false }
}
