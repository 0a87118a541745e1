/// The purchase-order state machine: which action is allowed in which state and where it leads.
///
/// | from | allowed actions → to |
/// |---|---|
/// | proposed | approve → approved (after the last approval of the chain), change_quantity → proposed, reject → cancelled, cancel → cancelled |
/// | approved | release → released, cancel → cancelled |
/// | released | confirm → confirmed, receive_partially → partially_received, receive → received, cancel → cancelled |
/// | confirmed | receive_partially → partially_received, receive → received, cancel → cancelled |
/// | partially_received | receive_partially → partially_received, receive → received, cancel → cancelled |
/// | received | close → closed |
/// | closed, cancelled | — (final) |
///
/// Everything else is refused with ``WorkflowError/Code/invalidTransition``, naming the state, the
/// action and what the state allows.
public enum PurchaseOrderLifecycle {
    /// The actions allowed in `state`, in lifecycle order.
    public static func allowedActions(from state: PurchaseOrderState) -> [PurchaseOrderAction] {
        switch state {
        case .proposed: return [.approve, .changeQuantity, .reject, .cancel]
        case .approved: return [.release, .cancel]
        case .released: return [.confirm, .receivePartially, .receive, .cancel]
        case .confirmed, .partiallyReceived: return [.receivePartially, .receive, .cancel]
        case .received: return [.close]
        case .closed, .cancelled: return []
        }
    }

    /// Where `action` leads from `state` (an approval that is not the last of its chain keeps the
    /// order proposed: ``PurchaseOrderWorkflow`` decides that).
    ///
    /// - Throws: ``WorkflowError/Code/invalidTransition`` when `state` does not allow `action`.
    public static func next(
        from state: PurchaseOrderState, _ action: PurchaseOrderAction, orderID: String
    ) throws(WorkflowError) -> PurchaseOrderState {
        let allowed = allowedActions(from: state)
        guard allowed.contains(action) else {
            let what = allowed.isEmpty ? "nothing (it is final)" : allowed.map(\.rawValue).joined(separator: ", ")
            throw WorkflowError(
                .invalidTransition,
                "cannot \(action.rawValue) purchase order \(orderID): it is \(state.rawValue), which allows \(what)")
        }
        return target(of: action)
    }

    /// The state `action` leads to where it is allowed (``allowedActions(from:)``): one home for
    /// ``next(from:_:orderID:)`` and the process map (``ProcessMap/purchaseOrder``).
    public static func target(of action: PurchaseOrderAction) -> PurchaseOrderState {
        switch action {
        case .approve: return .approved
        case .changeQuantity: return .proposed
        case .reject, .cancel: return .cancelled
        case .release: return .released
        case .confirm: return .confirmed
        case .receivePartially: return .partiallyReceived
        case .receive: return .received
        case .close: return .closed
        }
    }
}
