public import InventoryCore

/// The emergency procurement protocol (docs/procurement.md, "Emergency buys"): a buyer raises an
/// emergency buy — a reason and an incident — that may deviate from the policy (above the
/// policy's max, from another supplier than the usual one, expedited) for a limited time. It needs
/// a named approver who is not the requester, expires by itself (an expired buy cannot be
/// approved), and is reviewed afterwards in the deviation report. Pure: Storage applies it.
public enum EmergencyBuyRules {
    /// The reason and the incident id: 1 to 500 and 1 to 100 characters on one line.
    public static let reasonField = TextField(name: "reason", maximumLength: 500, isRequired: true)
    /// The incident id.
    public static let incidentField = TextField(name: "incident", maximumLength: 100, isRequired: true)
    /// The longest validity window: 30 days.
    public static let maximumValidityHours = 720

    /// Checks a new emergency buy: permission (``Permission/manageOrders``), reason, incident, a
    /// named approver who is not the requester, a validity window of 1 hour to 30 days.
    ///
    /// - Returns: the reason and incident, trimmed.
    public static func checkCreate(
        by principal: Authorization.Principal, reason: String, incident: String, approver: String, validityHours: Int
    ) throws(WorkflowError) -> (reason: String, incident: String) {
        try PurchaseOrderWorkflow.checkCreate(by: principal)
        let r: String
        let i: String
        do {
            r = try reasonField.check(reason)
            i = try incidentField.check(incident)
        } catch {
            throw WorkflowError(
                error.code == .textRequired ? .reasonRequired : .invalidReason, "an emergency buy: \(error.message)")
        }
        guard !approver.isEmpty, approver != principal.userID else {
            throw WorkflowError(
                .segregationOfDuties,
                "an emergency buy needs a named approver who is not the requester (\(principal.userID)) — name another approver")
        }
        guard (1...maximumValidityHours).contains(validityHours) else {
            throw WorkflowError(
                .invalidQuantity, "validity \(validityHours) hours — expected 1 to \(maximumValidityHours) hours (30 days)")
        }
        return (r, i)
    }

    /// The states an emergency buy can be approved in (``checkApprove(buyID:state:requestedBy:approver:expiresAt:by:now:)``).
    public static let approvableStates: [EmergencyBuyState] = [.requested]

    /// Checks an approval of buy `buyID` (requested by `requestedBy`, naming `approver`, valid
    /// until `expiresAt`, in `state`) by `principal` at `now`.
    ///
    /// Refused: a state other than requested (``WorkflowError/Code/invalidTransition``), the window
    /// passed (``WorkflowError/Code/expired``), anybody but the named approver, or the requester
    /// (``WorkflowError/Code/segregationOfDuties``), a role that approves no orders
    /// (``WorkflowError/Code/notPermitted``).
    public static func checkApprove(
        buyID: String, state: EmergencyBuyState, requestedBy: String, approver: String, expiresAt: Timestamp,
        by principal: Authorization.Principal, now: Timestamp
    ) throws(WorkflowError) {
        guard Authorization.permits(principal, .approveOrders) else {
            throw WorkflowError(
                .notPermitted, "\(principal.userID) (role \(principal.role.rawValue)) may not approve emergency buys")
        }
        guard approvableStates.contains(state) else {
            throw WorkflowError(.invalidTransition, "cannot approve emergency buy \(buyID): it is \(state.rawValue)")
        }
        guard now < expiresAt else {
            throw WorkflowError(
                .expired,
                "emergency buy \(buyID) expired at \(expiresAt.iso8601) unapproved — it can no longer be approved; raise a new one if the emergency lasts"
            )
        }
        guard principal.userID != requestedBy else {
            throw WorkflowError(
                .segregationOfDuties, "\(principal.userID) requested emergency buy \(buyID) and may not approve it")
        }
        guard principal.userID == approver else {
            throw WorkflowError(
                .segregationOfDuties,
                "emergency buy \(buyID) names \(approver) as its approver — only \(approver) may approve it")
        }
    }
}

/// The state of an emergency buy.
public enum EmergencyBuyState: String, Sendable, CaseIterable {
    /// Raised, waiting for its named approver.
    case requested
    /// Approved: its purchase order exists (state approved, to be released).
    case approved
    /// Not approved within its validity window (shown so when read after it; never stored).
    case expired
}

/// How an emergency buy may deviate from the policy.
public enum EmergencyDeviation: String, Sendable, CaseIterable {
    /// More than the policy's max.
    case aboveMax = "above_max"
    /// From another supplier than the usual one.
    case otherSupplier = "other_supplier"
    /// Expedited (a shorter lead time, usually at a higher price).
    case expedite
}
