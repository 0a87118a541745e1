public import InventoryCore

/// A delegation of approval authority: while the delegator is away, the delegate may approve
/// purchase orders at the delegator's level, from ``validFrom`` to ``validTo`` (both days
/// included), until revoked. Segregation of duties still holds for the delegate — and for the
/// delegator: authority delegated by someone who created, changed or already approved an order
/// cannot approve it.
public struct ApprovalDelegation: Sendable, Hashable {
    /// `DL-000001`, …: numbered in the order they were created.
    public var id: String
    /// Whose authority is delegated.
    public var delegator: String
    /// Who may use it.
    public var delegate: String
    /// First day it applies.
    public var validFrom: Day
    /// Last day it applies.
    public var validTo: Day
    /// Why (holiday, sick leave, …).
    public var reason: String
    /// Who created it (the delegator or an administrator).
    public var createdBy: String
    /// When (ISO 8601 UTC).
    public var createdAt: String
    /// Who revoked it (empty: not revoked).
    public var revokedBy: String
    /// When it was revoked (empty: not revoked).
    public var revokedAt: String

    /// Creates a delegation.
    public init(
        id: String, delegator: String, delegate: String, validFrom: Day, validTo: Day, reason: String, createdBy: String,
        createdAt: String, revokedBy: String = "", revokedAt: String = ""
    ) {
        self.id = id
        self.delegator = delegator
        self.delegate = delegate
        self.validFrom = validFrom
        self.validTo = validTo
        self.reason = reason
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.revokedBy = revokedBy
        self.revokedAt = revokedAt
    }

    /// Whether it applies on `day`: not revoked and `day` within its window.
    public func isActive(on day: Day) -> Bool { revokedAt.isEmpty && validFrom <= day && day <= validTo }

    /// The longest window a delegation may have, in days (a year: longer is a role change, not a delegation).
    public static let maximumDays = 366

    /// Checks a new delegation.
    ///
    /// - `principal` may delegate their own authority (``Permission/approveOrders`` and a role with a
    ///   threshold) or, as an administrator (``Permission/administer``), anyone's;
    /// - the delegator's role has an approval threshold; the delegate is another, active user whose
    ///   role may approve orders;
    /// - `validFrom ≤ validTo`, `validTo` not before `today`, at most ``maximumDays`` days;
    /// - a reason of 1 to 500 characters.
    ///
    /// - Throws: ``WorkflowError/Code/notPermitted`` or ``WorkflowError/Code/invalidDelegation``
    ///   naming what is wrong.
    public static func check(
        delegator: String, delegatorRole: Role?, delegate: String, delegateRole: Role?, validFrom: Day, validTo: Day,
        reason: String, by principal: Authorization.Principal, rules: ApprovalRules, today: Day
    ) throws(WorkflowError) -> String {
        let own = principal.userID == delegator
        guard Authorization.permits(principal, .manageApprovalRules) || (own && Authorization.permits(principal, .approveOrders))
        else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not delegate \(delegator)'s approval authority — one delegates one's own; an admin anyone's"
            )
        }
        guard let delegatorRole else {
            throw WorkflowError(.invalidDelegation, "delegator '\(delegator)' is no active user")
        }
        guard rules.rank(of: delegatorRole.rawValue) != nil else {
            throw WorkflowError(
                .invalidDelegation,
                "\(delegator)'s role \(delegatorRole.rawValue) has no approval threshold, so there is no authority to delegate (approval_thresholds: \(rules.summary))"
            )
        }
        guard delegate != delegator else {
            throw WorkflowError(.invalidDelegation, "\(delegator) cannot delegate to themselves — name another user")
        }
        guard let delegateRole else {
            throw WorkflowError(.invalidDelegation, "delegate '\(delegate)' is no active user")
        }
        guard delegateRole.allows(.approveOrders) else {
            let roles = Role.allCases.filter { $0.allows(.approveOrders) }.map(\.rawValue).joined(separator: ", ")
            throw WorkflowError(
                .invalidDelegation,
                "delegate \(delegate)'s role \(delegateRole.rawValue) may not approve orders — the delegate needs one of: \(roles)"
            )
        }
        guard validFrom <= validTo else {
            throw WorkflowError(
                .invalidDelegation, "valid_to \(validTo) is before valid_from \(validFrom) — expected valid_from ≤ valid_to")
        }
        guard validTo >= today else {
            throw WorkflowError(.invalidDelegation, "valid_to \(validTo) is in the past (today is \(today))")
        }
        guard validFrom.distance(to: validTo) < maximumDays else {
            throw WorkflowError(
                .invalidDelegation,
                "the window \(validFrom) to \(validTo) is \(validFrom.distance(to: validTo) + 1) days — at most \(maximumDays)")
        }
        let text: String
        do {
            text = try PurchaseOrderWorkflow.reasonField.check(reason)
        } catch {
            throw WorkflowError(.invalidDelegation, "delegation: \(error.message)")
        }
        guard !text.isEmpty else {
            throw WorkflowError(.invalidDelegation, "a delegation needs a reason — 1 to 500 characters")
        }
        return text
    }
}

/// Authority a person may use for an approval: a delegation active today from a delegator of the
/// given role (Storage reads them in the decision's transaction).
public struct ApprovalGrant: Sendable, Hashable {
    /// Whose authority.
    public var delegator: String
    /// The delegator's role (its level decides).
    public var role: String
    /// The delegation's id.
    public var delegationID: String

    /// Creates a grant.
    public init(delegator: String, role: String, delegationID: String) {
        self.delegator = delegator
        self.role = role
        self.delegationID = delegationID
    }
}

extension ApprovalDelegation: Encodable {
    enum CodingKeys: String, CodingKey {
        case delegationId, delegator, delegate, validFrom, validTo, reason, createdBy, createdAt, revokedBy, revokedAt
    }

    /// The API's `ApprovalDelegation` object (dates as `YYYY-MM-DD`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .delegationId)
        try c.encode(delegator, forKey: .delegator)
        try c.encode(delegate, forKey: .delegate)
        try c.encode(validFrom.description, forKey: .validFrom)
        try c.encode(validTo.description, forKey: .validTo)
        try c.encode(reason, forKey: .reason)
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(revokedBy, forKey: .revokedBy)
        try c.encode(revokedAt, forKey: .revokedAt)
    }
}
