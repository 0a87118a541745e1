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
    /// The emergency buy the order was created for (`nil`: a normal order).
    public var emergency: Emergency?

    /// What the exposure report needs of the emergency buy behind an order (procura emergency).
    public struct Emergency: Sendable, Hashable {
        /// The buy (`EB-000001`).
        public var buyId: String
        /// The incident it was raised for.
        public var incidentId: String
        /// Who raised it (the requester: the decision is theirs, not the approver's).
        public var requestedBy: String
        /// Base units the policy would have bought (the plan's order quantity when the buy was raised).
        public var policyUnits: Double

        /// Creates the facts of an emergency buy.
        public init(buyId: String, incidentId: String, requestedBy: String, policyUnits: Double) {
            self.buyId = buyId
            self.incidentId = incidentId
            self.requestedBy = requestedBy
            self.policyUnits = policyUnits
        }
    }

    /// Creates the facts of one line.
    public init(
        orderId: String, itemId: String, locationId: String, supplierId: String, createdBy: String, createdAt: String,
        changedBy: String, proposedUnits: Double, orderedUnits: Double, receivedUnits: Double, cancelled: Bool,
        emergency: Emergency? = nil
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
        self.emergency = emergency
    }

    /// The units received beyond the proposal: min(received, ordered) − proposed, when > 0 — a
    /// `po_above_proposal` decision of ``changedBy``.
    public var unitsAboveProposal: Double {
        max(0, min(receivedUnits, orderedUnits) - proposedUnits)
    }

    /// The units an emergency buy brought beyond the policy's order quantity: min(received, ordered,
    /// bought) − policy units, when > 0 (bought: ``proposedUnits``, the line's quantity when the buy's
    /// order was created) — an `emergency_buy` decision of the requester. Units raised above the buy
    /// afterwards are ``unitsAboveProposal``, so no unit counts twice; 0 for a normal order.
    public var unitsAbovePolicy: Double {
        guard let emergency else { return 0 }
        return max(0, min(receivedUnits, orderedUnits, proposedUnits) - emergency.policyUnits)
    }
}
