/// One line of a ledger entry's effect: `quantity` added to one bucket of one position.
public struct LedgerMovement: Hashable, Sendable {
    /// The position.
    public var position: PositionKey
    /// The balance changed.
    public var bucket: PositionBucket
    /// Signed change, millionths of a base unit.
    public var quantity: Int64
    /// For an on-order movement: the open purchase order whose outstanding quantity it changes.
    public var orderID: String?

    /// Creates a movement.
    public init(position: PositionKey, bucket: PositionBucket, quantity: Int64, orderID: String? = nil) {
        self.position = position
        self.bucket = bucket
        self.quantity = quantity
        self.orderID = orderID
    }

    /// The same movement with the opposite sign (what a reversal records).
    public var negated: LedgerMovement {
        LedgerMovement(position: position, bucket: bucket, quantity: -quantity, orderID: orderID)
    }
}
