/// One inventory ledger posting as it arrives (`transactions.csv` or `procura post`).
///
/// The quantity is positive except for ``PostingType/adjustment``, which is signed; ``baseQuantity``
/// is the same quantity converted to the item's base unit.
public struct LedgerPosting: Hashable, Sendable {
    /// Idempotency key: a repeated key is the same posting, never a second one.
    public var key: String
    /// Posting date.
    public var date: Day
    /// What happened.
    public var type: PostingType
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Quantity in ``uom`` as given.
    public var quantity: Double
    /// The unit of ``quantity`` (the item's base unit when not given).
    public var uom: String
    /// ``quantity`` in base units.
    public var baseQuantity: Double
    /// Destination of a transfer.
    public var toLocation: Int32?
    /// Supplier, for receipts, returns, consignment and VMI.
    public var supplier: Int32?
    /// Owner of the stock moved.
    public var owner: Ownership
    /// Valuation cost per base unit.
    public var unitCost: Double
    /// Reason code (required for adjustments, scrap and reversals).
    public var reason: String
    /// Document number; a reversal names the key it reverses.
    public var reference: String
    /// For a receipt: the lot it creates (empty: the key); for a take: the lot it takes from
    /// (empty: first in, first out).
    public var lotID: String

    /// Creates a posting.
    public init(
        key: String, date: Day, type: PostingType, item: Int32, location: Int32, quantity: Double, uom: String,
        baseQuantity: Double, toLocation: Int32? = nil, supplier: Int32? = nil, owner: Ownership = .owned,
        unitCost: Double, reason: String = "", reference: String = "", lotID: String = ""
    ) {
        self.lotID = lotID
        self.key = key
        self.date = date
        self.type = type
        self.item = item
        self.location = location
        self.quantity = quantity
        self.uom = uom
        self.baseQuantity = baseQuantity
        self.toLocation = toLocation
        self.supplier = supplier
        self.owner = owner
        self.unitCost = unitCost
        self.reason = reason
        self.reference = reference
    }
}
