/// What the exposure report needs of a stored purchase-order line (the database's orders; a data
/// folder has none): who bought, what was proposed, ordered and received.
public struct OrderLineFacts: Sendable, Hashable {
    /// The order (`PO-000001`).
    public var orderId: String
    /// The item.
    public var itemId: String
    /// The receiving location.
    public var locationId: String
    /// The supplier.
    public var supplierId: String
    /// Who created the order (the buyer).
    public var createdBy: String
    /// When (ISO 8601; orders sort by it).
    public var createdAt: String
    /// Who raised or lowered the line's quantity last (empty: nobody).
    public var changedBy: String
    /// Base units the proposal asked for (the line's quantity when it was created).
    public var proposedUnits: Double
    /// Base units ordered now.
    public var orderedUnits: Double
    /// Base units received so far.
    public var receivedUnits: Double
    /// Cancelled or rejected orders bring nothing.
    public var cancelled: Bool

    /// Creates the facts of one line.
    public init(
        orderId: String, itemId: String, locationId: String, supplierId: String, createdBy: String, createdAt: String,
        changedBy: String, proposedUnits: Double, orderedUnits: Double, receivedUnits: Double, cancelled: Bool
    ) {
        self.orderId = orderId
        self.itemId = itemId
        self.locationId = locationId
        self.supplierId = supplierId
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.changedBy = changedBy
        self.proposedUnits = proposedUnits
        self.orderedUnits = orderedUnits
        self.receivedUnits = receivedUnits
        self.cancelled = cancelled
    }

    /// The units received beyond the proposal: min(received, ordered) − proposed, when > 0 — a
    /// `po_above_proposal` decision of ``changedBy``.
    public var unitsAboveProposal: Double {
        max(0, min(receivedUnits, orderedUnits) - proposedUnits)
    }
}
