/// How a supplier's confirmation (a confirmed date or quantity per line, from the ERP's import)
/// applies to a purchase order in a given state — pure; Storage applies it.
///
/// | state | a confirmation … |
/// |---|---|
/// | released | is the lifecycle's `confirm` (→ confirmed) |
/// | confirmed, partially_received | updates the lines' confirmation; the state stays |
/// | proposed, approved, received, closed, cancelled | is refused: the supplier has no order to confirm, or nothing is left open |
public enum PurchaseOrderConfirmation: Sendable, Equatable {
    /// The `confirm` transition (released → confirmed).
    case transition
    /// The confirmation of lines of an order already confirmed; no state change.
    case update

    /// The states that take a supplier's confirmation.
    public static let confirmable: [PurchaseOrderState] = [.released, .confirmed, .partiallyReceived]

    /// What a confirmation does to order `orderID` in `state`.
    ///
    /// - Throws: ``WorkflowError/Code/invalidTransition`` for a state that takes no confirmation.
    public static func kind(in state: PurchaseOrderState, orderID: String) throws(WorkflowError) -> PurchaseOrderConfirmation {
        switch state {
        case .released: return .transition
        case .confirmed, .partiallyReceived: return .update
        default:
            throw WorkflowError(
                .invalidTransition,
                "cannot confirm purchase order \(orderID): it is \(state.rawValue) — only released, confirmed or partially received orders take a supplier confirmation"
            )
        }
    }
}
