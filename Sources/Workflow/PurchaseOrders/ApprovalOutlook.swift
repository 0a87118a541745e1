/// What an open order still needs before it is approved, and whether one person may give the next
/// approval — the approval queue's "needs" column, `GET /api/v1/purchase-orders/{po_id}/approval`
/// and `procura po approval`. Computed by the same rules as the decision itself
/// (``PurchaseOrderWorkflow/decide(_:on:by:reason:rules:context:grants:)``), without deciding.
public struct ApprovalOutlook: Sendable, Hashable {
    /// The order.
    public var orderID: String
    /// The levels its value and escalations need, lowest first (empty: beyond every threshold).
    public var chain: [String]
    /// The levels still missing, in order (empty: nothing more is needed).
    public var remainingLevels: [String]
    /// Approvals given so far (`user (level)`).
    public var approvals: [String]
    /// The escalations that matched (the value's own reason left out).
    public var escalations: [ApprovalReason]
    /// The person the outlook is for.
    public var userID: String
    /// Whether that person may give the next approval now.
    public var mayApprove: Bool
    /// On whose behalf they would approve (a delegation), if so.
    public var onBehalfOf: String?
    /// Why not, when they may not (the refusal the decision would give).
    public var blocker: String

    /// Creates an outlook.
    public init(
        orderID: String, chain: [String], remainingLevels: [String], approvals: [String], escalations: [ApprovalReason],
        userID: String, mayApprove: Bool, onBehalfOf: String?, blocker: String
    ) {
        self.orderID = orderID
        self.chain = chain
        self.remainingLevels = remainingLevels
        self.approvals = approvals
        self.escalations = escalations
        self.userID = userID
        self.mayApprove = mayApprove
        self.onBehalfOf = onBehalfOf
        self.blocker = blocker
    }
}

extension PurchaseOrderWorkflow {
    /// The approval outlook of `order` for `principal` under `rules`, the order's `context` and the
    /// delegations `grants` the principal holds today.
    public static func outlook(
        _ order: PurchaseOrderFacts, for principal: Authorization.Principal, rules: ApprovalRules, context: ApprovalContext,
        grants: [ApprovalGrant]
    ) -> ApprovalOutlook {
        var chain: [String] = []
        var escalations: [ApprovalReason] = []
        var blocker = ""
        do {
            let requirement = try rules.requirement(value: order.value, orderID: order.orderID, context: context)
            chain = requirement.chain.map(\.role)
            escalations = requirement.reasons.filter { $0.rule != "value" }
        } catch {
            blocker = error.message
        }
        let given = order.approvals.count
        let remaining = order.state == .proposed && given < chain.count ? Array(chain[given...]) : []
        var onBehalfOf: String?
        var may = false
        if blocker.isEmpty {
            do {
                let decision = try decide(.approve, on: order, by: principal, rules: rules, context: context, grants: grants)
                may = decision.approvalLevel != nil
                onBehalfOf = decision.onBehalfOf
                if !may { blocker = "purchase order \(order.orderID) needs no further approval" }
            } catch {
                blocker = error.message
            }
        }
        return ApprovalOutlook(
            orderID: order.orderID, chain: chain, remainingLevels: remaining,
            approvals: order.approvals.map { "\($0.userID) (\($0.level))" }, escalations: escalations,
            userID: principal.userID, mayApprove: may, onBehalfOf: onBehalfOf, blocker: blocker)
    }
}

extension ApprovalOutlook: Encodable {
    enum CodingKeys: String, CodingKey {
        case poId, chain, remainingLevels, approvals, escalations, userId, mayApprove, onBehalfOf, blocker
    }

    enum ReasonKeys: String, CodingKey { case rule, level, text }

    /// The API's `ApprovalOutlook` object.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(orderID, forKey: .poId)
        try c.encode(chain, forKey: .chain)
        try c.encode(remainingLevels, forKey: .remainingLevels)
        try c.encode(approvals, forKey: .approvals)
        var list = c.nestedUnkeyedContainer(forKey: .escalations)
        for reason in escalations {
            var r = list.nestedContainer(keyedBy: ReasonKeys.self)
            try r.encode(reason.rule, forKey: .rule)
            try r.encode(reason.level, forKey: .level)
            try r.encode(reason.text, forKey: .text)
        }
        try c.encode(userID, forKey: .userId)
        try c.encode(mayApprove, forKey: .mayApprove)
        try c.encode(onBehalfOf ?? "", forKey: .onBehalfOf)
        try c.encode(blocker, forKey: .blocker)
    }
}
