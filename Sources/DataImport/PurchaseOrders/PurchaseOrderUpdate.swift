public import InventoryCore

/// One row of an ERP's purchase-order update file (`procura po import`): a supplier's
/// confirmation of a purchase-order line, a receipt against it, or both.
public struct PurchaseOrderUpdate: Sendable, Hashable {
    /// Where the row is: `confirmations.csv:3` or `updates.json: updates[2]`.
    public var position: String
    /// The order (`po_id`).
    public var poID: String
    /// The line number (`line`, ≥ 1).
    public var line: Int
    /// The item (`item_id`), when the file gives it: it must be the line's item.
    public var itemID: String?
    /// The supplier's confirmed date (`confirmed_date`).
    public var confirmedDate: Day?
    /// The supplier's confirmed quantity in the line's purchase unit (`confirmed_quantity`, the
    /// unit of `po export`'s `purchase_quantity`).
    public var confirmedQuantity: Double?
    /// The ERP's receipt id (`receipt_id`): the ledger posting's idempotency key.
    public var receiptID: String?
    /// The day the goods arrived (`receipt_date`).
    public var receiptDate: Day?
    /// Base units received (`received_quantity`, the unit of `po export`'s `quantity`).
    public var receivedQuantity: Double?

    /// Creates a row.
    public init(
        position: String, poID: String, line: Int, itemID: String? = nil, confirmedDate: Day? = nil,
        confirmedQuantity: Double? = nil, receiptID: String? = nil, receiptDate: Day? = nil, receivedQuantity: Double? = nil
    ) {
        self.position = position
        self.poID = poID
        self.line = line
        self.itemID = itemID
        self.confirmedDate = confirmedDate
        self.confirmedQuantity = confirmedQuantity
        self.receiptID = receiptID
        self.receiptDate = receiptDate
        self.receivedQuantity = receivedQuantity
    }

    /// Whether the row confirms the line (a confirmed date or quantity).
    public var confirms: Bool { confirmedDate != nil || confirmedQuantity != nil }
    /// Whether the row receives goods.
    public var receives: Bool { receiptID != nil }
}
