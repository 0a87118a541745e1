/// "May this principal do this?" — one pure function over who asks (``Principal``) and what they
/// want to do (``Action``), used by the web application for every request and, without HTTP, by
/// anything else that must check authority (approvals, the command line).
///
/// The rule: a role's ``Role/permissions`` grant the action; a supplier user sees only the supply of
/// the supplier it is bound to; API tokens are managed by their owner or an administrator.
public enum Authorization {
    /// Who asks: the user, the role, and for suppliers the supplier the user is bound to.
    public struct Principal: Sendable, Hashable {
        /// The user id.
        public var userID: String
        /// The role.
        public var role: Role
        /// The supplier a supplier user is bound to (`nil` for every other role).
        public var supplierID: String?

        /// Creates a principal.
        public init(userID: String, role: Role, supplierID: String? = nil) {
            self.userID = userID
            self.role = role
            self.supplierID = supplierID
        }
    }

    /// What the principal wants to do.
    public enum Action: Sendable, Hashable {
        /// See the whole planning picture: items with costs and classes, policies, the ledger, plan
        /// runs, overrides, the dashboard.
        case viewPlanning
        /// See one supplier's supply: its items, their forecasts, stock and consumption (no costs).
        case viewSupply(supplierID: String)
        /// Post to the ledger.
        case postLedger
        /// Start a plan run.
        case runPlans
        /// Set a supplier's forecast-sharing profile and publish forecasts to it (those who run plans).
        case shareForecasts
        /// Enter commitments against a forecast shared with `supplierID`: that supplier's own users only.
        case commitToForecast(supplierID: String)
        /// Create or expire an override.
        case manageOverrides
        /// Create, change, release, confirm, receive or cancel purchase orders.
        case manageOrders
        /// Approve or reject proposed purchase orders (the amount is ``ApprovalRules``' question).
        case approveOrders
        /// Create, execute, close or cancel disposition cases.
        case manageDispositions
        /// Read the audit log.
        case readAuditLog
        /// Create, change or disable users.
        case manageUsers
        /// Set the approval rules and delegate anyone's approval authority.
        case manageApprovalRules
        /// List or revoke an API token that belongs to `ownerUserID`.
        case manageToken(ownerUserID: String)
    }

    /// Whether `principal` may do `action`.
    public static func permits(_ principal: Principal, _ action: Action) -> Bool {
        let role = principal.role
        switch action {
        case .viewPlanning: return role.allows(.viewPlanning)
        case .viewSupply(let supplierID):
            if role.allows(.viewPlanning) { return true }
            return role.allows(.viewOwnSupply) && principal.supplierID != nil && principal.supplierID == supplierID
        case .postLedger: return role.allows(.postLedger)
        case .runPlans, .shareForecasts: return role.allows(.runPlans)
        case .commitToForecast(let supplierID):
            return role.allows(.viewOwnSupply) && principal.supplierID != nil && principal.supplierID == supplierID
        case .manageOverrides: return role.allows(.manageOverrides)
        case .manageOrders: return role.allows(.manageOrders)
        case .approveOrders: return role.allows(.approveOrders)
        case .manageDispositions: return role.allows(.manageDispositions)
        case .readAuditLog, .manageUsers, .manageApprovalRules: return role.allows(.administer)
        case .manageToken(let owner): return owner == principal.userID || role.allows(.administer)
        }
    }
}
