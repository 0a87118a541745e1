import InventoryCore

/// Decides an action on a purchase order: the role's permission, the lifecycle
/// (``PurchaseOrderLifecycle``), the reason, and for approvals the chain of ``ApprovalRules`` and
/// segregation of duties — nobody approves an order they created or changed, and nobody gives two
/// approvals of one order. Pure: Storage applies the decision in one transaction, conditional on
/// the state it read, so that of two simultaneous decisions only one goes through.
public enum PurchaseOrderWorkflow {
    /// The reason of a reject, cancel or quantity change: 1 to 500 characters on one line.
    public static let reasonField = TextField(name: "reason", maximumLength: 500)

    /// The permission an action needs: approvals and rejections ``Permission/approveOrders``, the
    /// rest ``Permission/manageOrders`` (a quantity change either).
    public static func permits(_ principal: Authorization.Principal, _ action: PurchaseOrderAction) -> Bool {
        switch action {
        case .approve, .reject: return Authorization.permits(principal, .approveOrders)
        case .changeQuantity:
            return Authorization.permits(principal, .approveOrders) || Authorization.permits(principal, .manageOrders)
        default: return Authorization.permits(principal, .manageOrders)
        }
    }

    /// Decides `action` by `principal` on `order`.
    ///
    /// Checks, in order: permission (``WorkflowError/Code/notPermitted``), lifecycle
    /// (``WorkflowError/Code/invalidTransition``), reason (``WorkflowError/Code/reasonRequired``),
    /// and for `approve`: segregation of duties (``WorkflowError/Code/segregationOfDuties``), the
    /// chain of the value and the escalations `context` matches (``ApprovalRules/requirement(value:orderID:context:)``,
    /// ``WorkflowError/Code/beyondThresholds``) and the approver's authority — the own role's level,
    /// else a delegation's (`grants`, from a delegator who neither created, changed nor approved
    /// the order) — (``WorkflowError/Code/noApprovalAuthority``).
    public static func decide(
        _ action: PurchaseOrderAction, on order: PurchaseOrderFacts, by principal: Authorization.Principal,
        reason: String = "", rules: ApprovalRules, context: ApprovalContext = ApprovalContext(), grants: [ApprovalGrant] = []
    ) throws(WorkflowError) -> PurchaseOrderDecision {
        let id = order.orderID
        guard permits(principal, action) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not \(action.rawValue) purchase orders — roles that may: \(rolesPermitted(action))"
            )
        }
        var next = try PurchaseOrderLifecycle.next(from: order.state, action, orderID: id)
        let text: String
        do {
            text = try reasonField.check(reason)
        } catch {
            throw WorkflowError(.invalidReason, "\(action.rawValue) of purchase order \(id): \(error.message)")
        }
        if action.needsReason, text.isEmpty {
            throw WorkflowError(
                .reasonRequired, "\(action.rawValue) of purchase order \(id) needs a reason — 1 to 500 characters")
        }
        guard action == .approve else {
            return PurchaseOrderDecision(state: next, approvalLevel: nil, remainingLevels: [], reason: text)
        }
        let user = principal.userID
        let duty = "segregation of duties: nobody approves a proposal they created or changed"
        if user == order.createdBy {
            throw WorkflowError(
                .segregationOfDuties,
                "\(user) created purchase order \(id) and may not approve it (\(duty)) — ask another approver")
        }
        if order.changedBy.contains(user) {
            throw WorkflowError(
                .segregationOfDuties,
                "\(user) changed purchase order \(id) and may not approve it (\(duty)) — ask another approver")
        }
        let requirement = try rules.requirement(value: order.value, orderID: id, context: context)
        let chain = requirement.chain
        let given = order.approvals.count
        guard given < chain.count else {
            return PurchaseOrderDecision(state: .approved, approvalLevel: nil, remainingLevels: [], reason: text)
        }
        if let earlier = order.approvals.first(where: { $0.userID == user || $0.onBehalfOf == user }) {
            throw WorkflowError(
                .segregationOfDuties,
                "\(user) already approved purchase order \(id) (level \(earlier.level)); level \(chain[given].role) needs another person"
            )
        }
        let level = chain[given]
        let needed = rules.rank(of: level.role) ?? Int.max
        var onBehalfOf: String?
        if let rank = rules.rank(of: principal.role.rawValue), rank >= needed {
            onBehalfOf = nil
        } else if let grant = grants.first(where: { grant in
            guard let rank = rules.rank(of: grant.role), rank >= needed else { return false }
            return grant.delegator != order.createdBy && !order.changedBy.contains(grant.delegator)
                && !order.approvals.contains { $0.userID == grant.delegator || $0.onBehalfOf == grant.delegator }
        }) {
            onBehalfOf = grant.delegator
        } else {
            let own = rules.rank(of: principal.role.rawValue) == nil ? "has no approval threshold" : "approves less"
            let escalated = requirement.reasons.filter { $0.rule != "value" }
            let why =
                escalated.isEmpty
                ? "" : "; escalated by approval_rules: " + escalated.map { "\($0.text) → \($0.level)" }.joined(separator: "; ")
            let delegated =
                grants.isEmpty
                ? ""
                : "; no delegation held covers it (a delegator must rank at \(level.role) and must not have created, changed or approved the order)"
            throw WorkflowError(
                .noApprovalAuthority,
                "purchase order \(id) is worth \(ApprovalRules.amount(order.value)) and needs approval at level \(level.role); \(user)'s role \(principal.role.rawValue) \(own) (approval_thresholds: \(rules.summary))\(why)\(delegated)"
            )
        }
        let remaining = chain[(given + 1)...].map(\.role)
        if !remaining.isEmpty { next = .proposed }
        var decision = PurchaseOrderDecision(state: next, approvalLevel: level.role, remainingLevels: remaining, reason: text)
        decision.onBehalfOf = onBehalfOf
        decision.escalations = requirement.reasons.filter { $0.rule != "value" }
        return decision
    }

    /// Checks that `principal` may create purchase orders (``Permission/manageOrders``).
    ///
    /// - Throws: ``WorkflowError/Code/notPermitted`` naming the roles that may.
    public static func checkCreate(by principal: Authorization.Principal) throws(WorkflowError) {
        guard Authorization.permits(principal, .manageOrders) else {
            let roles = Role.allCases.filter { $0.allows(.manageOrders) }.map(\.rawValue).joined(separator: ", ")
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not create purchase orders — roles that may: \(roles)")
        }
    }

    /// Checks a line quantity: a finite number > 0.
    ///
    /// - Throws: ``WorkflowError/Code/invalidQuantity`` naming the line and the value.
    public static func checkQuantity(_ quantity: Double, orderID: String, line: Int) throws(WorkflowError) {
        guard quantity.isFinite, quantity > 0 else {
            throw WorkflowError(
                .invalidQuantity, "purchase order \(orderID) line \(line): quantity '\(quantity)' — expected a number > 0")
        }
    }

    static func rolesPermitted(_ action: PurchaseOrderAction) -> String {
        Role.allCases.filter { permits(Authorization.Principal(userID: "", role: $0, supplierID: nil), action) }
            .map(\.rawValue).joined(separator: ", ")
    }
}
