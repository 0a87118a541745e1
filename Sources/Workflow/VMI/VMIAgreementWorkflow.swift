/// Decides proposals, approvals and rejections of VMI agreement versions (docs/vmi.md, "Versions
/// and approval"). Pure: Storage applies the decision in one transaction, conditional on the state
/// it read.
///
/// The rules:
/// - a person acts for a side: ours — a role with ``Permission/approveOrders`` (buyer, approver,
///   finance) — or the supplier's — a supplier user bound to the agreement's supplier; nobody else
///   proposes, approves or rejects (admins, planners, operations and viewers read only);
/// - proposing a version is the proposer's side's approval (as raising a disposition case is its
///   role's proposal, ``DispositionWorkflow``): the other side's approval makes it active;
/// - a version becomes active when both sides approved — in either order — and the version that
///   was active becomes superseded;
/// - one approval per side; a reject by either side, with a reason, ends the version (kept);
/// - only a proposed version is approved or rejected; an agreement has at most one proposed
///   version at a time.
public enum VMIAgreementWorkflow {
    /// The reason of a reject: 1 to 500 characters on one line.
    public static let reasonField = TextField(name: "reason", maximumLength: 500)

    /// The decision: the state after the action, the side that acted and the checked reason.
    public struct Decision: Sendable, Hashable {
        /// The version's state after the action.
        public var state: VMIAgreementState
        /// The side the person acted for.
        public var side: VMIAgreementSide
        /// The reason (reject), or empty.
        public var reason: String
    }

    /// The side `principal` acts for on an agreement with `supplierID`, or `nil` when it has none.
    public static func side(of principal: Authorization.Principal, supplierID: String) -> VMIAgreementSide? {
        if principal.role.isSupplierScoped {
            return principal.supplierID == supplierID && principal.role.allows(.viewOwnSupply) ? .supplier : nil
        }
        return principal.role.allows(.approveOrders) ? .ours : nil
    }

    /// Checks that `principal` may propose a version of an agreement with `supplierID` while the
    /// agreement has `pending` (a version in state proposed, if any); returns the side whose
    /// approval the proposal is.
    ///
    /// - Throws: ``WorkflowError`` — `not_permitted` (no side), `invalid_transition` (a version is
    ///   proposed already).
    public static func checkPropose(
        agreementID: String, supplierID: String, pending: Int?, by principal: Authorization.Principal
    ) throws(WorkflowError) -> VMIAgreementSide {
        guard let side = side(of: principal, supplierID: supplierID) else {
            throw WorkflowError(.notPermitted, notASide(principal, "propose", agreementID))
        }
        if let pending {
            throw WorkflowError(
                .invalidTransition,
                "VMI agreement \(agreementID) has version \(pending) proposed — approve or reject it before proposing another")
        }
        return side
    }

    /// Decides `action` by `principal` on the version of `facts`.
    ///
    /// - Throws: ``WorkflowError`` — `not_permitted` (no side on this agreement),
    ///   `invalid_transition` (not proposed; the side approved already), `reason_required`,
    ///   `invalid_reason`.
    public static func decide(
        _ action: VMIAgreementAction, on facts: VMIAgreementFacts, by principal: Authorization.Principal, reason: String = ""
    ) throws(WorkflowError) -> Decision {
        let name = "VMI agreement \(facts.agreementID) version \(facts.version)"
        guard let side = side(of: principal, supplierID: facts.supplierID) else {
            throw WorkflowError(.notPermitted, notASide(principal, action.rawValue, facts.agreementID))
        }
        guard facts.state == .proposed else {
            throw WorkflowError(
                .invalidTransition, "\(name) is \(facts.state.rawValue); \(action.rawValue) needs a version that is proposed")
        }
        switch action {
        case .approve:
            if let earlier = facts.approval(side) {
                throw WorkflowError(
                    .invalidTransition,
                    "\(name) is already approved for \(sideName(side)) by \(earlier) — it waits for \(sideName(side == .ours ? .supplier : .ours))"
                )
            }
            let other = facts.approval(side == .ours ? .supplier : .ours)
            return Decision(state: other == nil ? .proposed : .active, side: side, reason: "")
        case .reject:
            let text: String
            do {
                text = try reasonField.check(reason)
            } catch {
                throw WorkflowError(.invalidReason, "reject of \(name): \(error.message)")
            }
            guard !text.isEmpty else {
                throw WorkflowError(.reasonRequired, "reject of \(name) needs a reason — 1 to 500 characters")
            }
            return Decision(state: .rejected, side: side, reason: text)
        }
    }

    /// `our side` or `the supplier`.
    public static func sideName(_ side: VMIAgreementSide) -> String { side == .ours ? "our side" : "the supplier" }

    static func notASide(_ principal: Authorization.Principal, _ verb: String, _ id: String) -> String {
        "\(principal.userID) (role \(principal.role.rawValue)) may not \(verb) VMI agreement \(id) — buyers, approvers, finance and the agreement's supplier may"
    }
}
