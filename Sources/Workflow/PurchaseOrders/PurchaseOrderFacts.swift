/// What the workflow needs to know of a purchase order to decide an action on it: its state, its
/// value, who created and changed it, and the approvals given since its last change.
public struct PurchaseOrderFacts: Sendable, Hashable {
    /// The order's id (`PO-000001`), for messages.
    public var orderID: String
    /// Where it is.
    public var state: PurchaseOrderState
    /// Σ line quantity × unit price, in the data set's currency.
    public var value: Double
    /// Who created (proposed) it.
    public var createdBy: String
    /// Everyone who changed a quantity of it.
    public var changedBy: Set<String>
    /// The approvals given since the last change, in order.
    public var approvals: [Approval]

    /// One approval of the chain.
    public struct Approval: Sendable, Hashable {
        /// Who gave it.
        public var userID: String
        /// The level (a role of `approval_thresholds`) it was given for.
        public var level: String
        /// Whose delegated authority it used (`nil`: the approver's own).
        public var onBehalfOf: String?

        /// Creates an approval.
        public init(userID: String, level: String, onBehalfOf: String? = nil) {
            self.userID = userID
            self.level = level
            self.onBehalfOf = onBehalfOf
        }
    }

    /// Creates the facts.
    public init(
        orderID: String, state: PurchaseOrderState, value: Double, createdBy: String, changedBy: Set<String> = [],
        approvals: [Approval] = []
    ) {
        self.orderID = orderID
        self.state = state
        self.value = value
        self.createdBy = createdBy
        self.changedBy = changedBy
        self.approvals = approvals
    }
}

/// What a decided action does to an order.
public struct PurchaseOrderDecision: Sendable, Hashable {
    /// The state after the action.
    public var state: PurchaseOrderState
    /// For an approval: the level it gives.
    public var approvalLevel: String?
    /// For an approval: the levels still needed after it (empty: the order is approved).
    public var remainingLevels: [String]
    /// The reason, trimmed (empty when the action needs none and none was given).
    public var reason: String
    /// For an approval given with delegated authority: the delegator.
    public var onBehalfOf: String?
    /// For an approval: the escalations of `approval_rules` that raised the order's chain (empty: none).
    public var escalations: [ApprovalReason] = []

    /// Creates a decision.
    public init(state: PurchaseOrderState, approvalLevel: String?, remainingLevels: [String], reason: String) {
        self.state = state
        self.approvalLevel = approvalLevel
        self.remainingLevels = remainingLevels
        self.reason = reason
    }
}
