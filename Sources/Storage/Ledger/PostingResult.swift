public import InventoryCore

/// What a posting did: the entry, its movements, and whether it was posted just now or earlier.
public struct PostingResult: Sendable, Hashable {
    /// The entry's number in the ledger.
    public var entryID: Int64
    /// The idempotency key.
    public var key: String
    /// The posting type.
    public var type: PostingType
    /// Quantity in millionths of a base unit as recorded on the entry (positive except for
    /// adjustments; reversals carry the negated quantity of the entry they reverse).
    public var quantity: Int64
    /// Value of ``quantity`` at the entry's unit cost, 10⁻⁴ currency units.
    public var value: Int64
    /// Whether a transfer crosses companies.
    public var intercompany: Bool
    /// `true` when the key had been posted before: this is the original result, nothing new was posted.
    public var replayed: Bool
    /// The changes to positions, in line order.
    public var movements: [LedgerMovement]
    /// Millionths of a base unit a receipt received beyond what its open order still had
    /// outstanding (``PostingEffect/overReceipt``): on order stops at zero, the excess is
    /// reported here. 0 otherwise.
    public var overReceipt: Int64
    /// Whether the posting is dated before the database's stock count: history, which the count
    /// already includes — it moved neither on hand nor on order (``PostingEffect/isHistory``).
    public var isHistory: Bool

    /// Creates a result.
    public init(
        entryID: Int64, key: String, type: PostingType, quantity: Int64, value: Int64, intercompany: Bool, replayed: Bool,
        movements: [LedgerMovement], overReceipt: Int64 = 0, isHistory: Bool = false
    ) {
        self.entryID = entryID
        self.key = key
        self.type = type
        self.quantity = quantity
        self.value = value
        self.intercompany = intercompany
        self.replayed = replayed
        self.movements = movements
        self.overReceipt = overReceipt
        self.isHistory = isHistory
    }
}
