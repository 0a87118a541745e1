/// Where a purchase order is in its life (docs/procurement.md, "Approval and the PO lifecycle").
///
/// ```text
/// proposed ──approve──▶ approved ──release──▶ released ──confirm──▶ confirmed
///    │  ▲                                       │    receive_partially │
///    │  └─change_quantity                       ▼         ┌────────────┘
///    │                                 partially_received ◀─┐ receive_partially
///    │                                       │  └───────────┘
///    │                                       ▼ receive (from released, confirmed too)
///    │                                    received ──close──▶ closed
///    └─reject─▶ cancelled ◀─cancel (reason)── any open state
/// ```
public enum PurchaseOrderState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Proposed by the plan (or a buyer), waiting for its approvals.
    case proposed
    /// Every approval of its chain is given; not yet sent to the supplier.
    case approved
    /// Sent to the supplier (exported to the ERP).
    case released
    /// The supplier confirmed it (with a date).
    case confirmed
    /// Some of it has been received.
    case partiallyReceived = "partially_received"
    /// All of it has been received; waiting to be closed.
    case received
    /// Done.
    case closed
    /// Cancelled or rejected, with a reason.
    case cancelled

    /// States from which an order may be cancelled: everything before all of it is received.
    public var isOpen: Bool {
        switch self {
        case .proposed, .approved, .released, .confirmed, .partiallyReceived: return true
        case .received, .closed, .cancelled: return false
        }
    }

    /// The states in lifecycle order, for listings.
    public static let lifecycleOrder: [PurchaseOrderState] = [
        .proposed, .approved, .released, .confirmed, .partiallyReceived, .received, .closed, .cancelled,
    ]
}
