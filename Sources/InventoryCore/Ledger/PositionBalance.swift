/// The balances of one stock position, millionths of a base unit (``FixedPoint``).
public struct PositionBalance: Hashable, Sendable {
    /// Physically at the location, allocated stock included.
    public var onHand: Int64
    /// Shipped to the location, not yet arrived.
    public var inTransit: Int64
    /// On open purchase orders.
    public var onOrder: Int64
    /// Reserved for work or sales orders (part of ``onHand``).
    public var allocated: Int64

    /// Creates a balance.
    public init(onHand: Int64 = 0, inTransit: Int64 = 0, onOrder: Int64 = 0, allocated: Int64 = 0) {
        self.onHand = onHand
        self.inTransit = inTransit
        self.onOrder = onOrder
        self.allocated = allocated
    }

    /// On hand and free to use: ``onHand`` − ``allocated``.
    public var available: Int64 { onHand - allocated }

    /// Whether every balance is zero.
    public var isZero: Bool { onHand == 0 && inTransit == 0 && onOrder == 0 && allocated == 0 }

    /// The balance of one bucket.
    public subscript(bucket: PositionBucket) -> Int64 {
        get {
            switch bucket {
            case .onHand: return onHand
            case .inTransit: return inTransit
            case .onOrder: return onOrder
            case .allocated: return allocated
            }
        }
        set {
            switch bucket {
            case .onHand: onHand = newValue
            case .inTransit: inTransit = newValue
            case .onOrder: onOrder = newValue
            case .allocated: allocated = newValue
            }
        }
    }
}
