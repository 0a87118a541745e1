/// One posting as a caller asks for it, by keys (`procura post`, `transactions.csv`, the API).
///
/// The columns of DATA_FORMAT.md `transactions.csv`. ``quantity`` is in ``uom`` (the item's base
/// unit when `nil`) and positive, except for ``PostingType/adjustment``, which is signed.
/// ``LedgerRules/validate(_:limits:today:)`` checks what needs no database.
public struct PostingRequest: Sendable, Hashable {
    /// Idempotency key: the same key is the same posting, never a second one.
    public var key: String
    /// Posting date.
    public var date: Day
    /// What happened.
    public var type: PostingType
    /// The item.
    public var itemID: String
    /// The location; for transfers the shipping location.
    public var locationID: String
    /// Quantity in ``uom``.
    public var quantity: Double
    /// Unit of ``quantity``; `nil` or empty: the item's base unit.
    public var uom: String?
    /// For transfers: the receiving location.
    public var toLocationID: String?
    /// Supplier (required for consignment/VMI receipts and consumption).
    public var supplierID: String?
    /// Owner of the stock moved; `nil`: the type's default (owned; consignment/VMI for those receipts).
    public var owner: Ownership?
    /// Valuation cost per base unit; `nil`: the item's standard cost.
    public var unitCost: Double?
    /// Reason code (required for adjustment, scrap and reversal).
    public var reason: String
    /// Document number; a reversal names the key of the posting it reverses.
    public var reference: String
    /// For a receipt: the lot it creates (empty: the key); for a take: the lot it takes from
    /// (empty: first in, first out).
    public var lotID: String

    /// Creates a request.
    public init(
        key: String, date: Day, type: PostingType, itemID: String, locationID: String, quantity: Double, uom: String? = nil,
        toLocationID: String? = nil, supplierID: String? = nil, owner: Ownership? = nil, unitCost: Double? = nil,
        reason: String = "", reference: String = "", lotID: String = ""
    ) {
        self.lotID = lotID
        self.key = key
        self.date = date
        self.type = type
        self.itemID = itemID
        self.locationID = locationID
        self.quantity = quantity
        self.uom = uom
        self.toLocationID = toLocationID
        self.supplierID = supplierID
        self.owner = owner
        self.unitCost = unitCost
        self.reason = reason
        self.reference = reference
    }

    /// The request of a snapshot's posting (keys resolved through the snapshot).
    public init(_ posting: LedgerPosting, in snapshot: Snapshot) {
        self.init(
            key: posting.key, date: posting.date, type: posting.type, itemID: snapshot.items[Int(posting.item)].id,
            locationID: snapshot.locations[Int(posting.location)].id, quantity: posting.quantity, uom: posting.uom,
            toLocationID: posting.toLocation.map { snapshot.locations[Int($0)].id },
            supplierID: posting.supplier.map { snapshot.suppliers[Int($0)].id },
            owner: posting.owner == .owned ? nil : posting.owner, unitCost: posting.unitCost, reason: posting.reason,
            reference: posting.reference, lotID: posting.lotID)
    }
}
