public import InventoryCore

/// One entry of the ledger as stored (``Store/ledgerEntries(itemID:locationID:limit:beforeID:)``).
/// Quantities are millionths of a base unit, unit cost millionths and value ten-thousandths of the
/// currency (``FixedPoint``).
public struct LedgerEntryRecord: Sendable, Hashable {
    /// The entry's number (increasing).
    public var entryID: Int64
    /// Idempotency key.
    public var key: String
    /// Posting type.
    public var type: PostingType
    /// Posting date.
    public var date: Day
    /// Item.
    public var itemID: String
    /// Location (for transfers the shipping one).
    public var locationID: String
    /// Receiving location of a transfer.
    public var toLocationID: String?
    /// Supplier.
    public var supplierID: String?
    /// Owner of the stock moved.
    public var owner: Ownership
    /// Quantity, base units × 10⁶ (signed for adjustments and reversals).
    public var quantity: Int64
    /// Unit as posted.
    public var uom: String
    /// Quantity in that unit × 10⁶.
    public var uomQuantity: Int64
    /// Valuation cost per base unit × 10⁶.
    public var unitCost: Int64
    /// Value × 10⁴.
    public var value: Int64
    /// Reason code.
    public var reason: String
    /// Document reference.
    public var reference: String
    /// The lot the posting named (`""`: first in, first out).
    public var lotID: String
    /// The entry this one reverses.
    public var reversesEntryID: Int64?
    /// Whether a transfer crosses companies.
    public var intercompany: Bool
    /// When it was written (ISO 8601 UTC).
    public var recordedAt: String
}
