/// A posting as ``LotBook`` needs it: the resolved posting (positions, owner, exact quantity) and
/// the lot columns of DATA_FORMAT.md `transactions.csv`.
public struct LotPosting: Hashable, Sendable {
    /// Idempotency key; the default lot of a receipt.
    public var key: String
    /// Positions, owner, signed exact quantity (``LedgerRules/effect(of:)``'s input).
    public var posting: ResolvedPosting
    /// A receipt: the lot it creates (default ``key``); a take: the lot it takes from (default FIFO).
    public var lotID: String?
    /// Cost per base unit of a created lot, millionths of a currency unit.
    public var unitCost: Int64
    /// Expiry of a created lot.
    public var expiryDate: Day?

    /// Creates a lot posting.
    public init(key: String, posting: ResolvedPosting, lotID: String? = nil, unitCost: Int64, expiryDate: Day? = nil) {
        self.key = key
        self.posting = posting
        self.lotID = lotID
        self.unitCost = unitCost
        self.expiryDate = expiryDate
    }

    /// The position the posting is made at.
    public var here: PositionKey {
        PositionKey(
            itemID: posting.itemID, locationID: posting.locationID, owner: posting.owner,
            ownerSupplierID: posting.owner == .owned ? "" : (posting.supplierID ?? ""))
    }

    /// The receiving position of a transfer (the posting's own position otherwise).
    public var there: PositionKey {
        var key = here
        if let receiving = posting.receivingLocationID, !receiving.isEmpty { key.locationID = receiving }
        return key
    }
}
