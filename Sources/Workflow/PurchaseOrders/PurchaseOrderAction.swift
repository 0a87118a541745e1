/// What someone does to a purchase order; each moves it along ``PurchaseOrderLifecycle``.
public enum PurchaseOrderAction: String, Sendable, Hashable, CaseIterable, Codable {
    /// Give one approval of the order's chain (``ApprovalRules``); the last makes it approved.
    case approve
    /// Refuse the proposal, with a reason: it is cancelled.
    case reject
    /// Change a line's quantity, with a reason; approvals given before are void.
    case changeQuantity = "change_quantity"
    /// Send it to the supplier (export to the ERP).
    case release
    /// Record the supplier's confirmation.
    case confirm
    /// Record a receipt of part of it.
    case receivePartially = "receive_partially"
    /// Record the receipt of the rest.
    case receive
    /// Close a received order.
    case close
    /// Cancel an open order, with a reason.
    case cancel

    /// Whether the action needs a reason (the audit log keeps it).
    public var needsReason: Bool { self == .reject || self == .changeQuantity || self == .cancel }
}
