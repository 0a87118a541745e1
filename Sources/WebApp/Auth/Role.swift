/// The roles of DESIGN.md ("Who uses it"), and what each may do in the web application.
///
/// | permission | admin | planner | buyer | approver | finance | viewer | supplier |
/// |---|---|---|---|---|---|---|---|
/// | ``Permission/viewPlanning`` (items, classes, policies, costs, ledger, plan runs, dashboard) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | – |
/// | ``Permission/viewOwnSupply`` (own items, forecasts, stock, consumption; no costs) | – | – | – | – | – | – | ✓ |
/// | ``Permission/postLedger`` | ✓ | ✓ | ✓ | – | – | – | – |
/// | ``Permission/runPlans`` | ✓ | ✓ | – | – | – | – | – |
/// | ``Permission/manageOverrides`` | ✓ | ✓ | – | – | – | – | – |
/// | ``Permission/administer`` (users, audit log) | ✓ | – | – | – | – | – | – |
///
/// Approvers and finance see everything a viewer sees until the workflow issues give them their
/// own actions (approvals, write-downs).
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin
    case planner
    case buyer
    case approver
    case finance
    case viewer
    case supplier

    /// What the role may do.
    public var permissions: Set<Permission> {
        switch self {
        case .admin: return [.viewPlanning, .postLedger, .runPlans, .manageOverrides, .administer]
        case .planner: return [.viewPlanning, .postLedger, .runPlans, .manageOverrides]
        case .buyer: return [.viewPlanning, .postLedger]
        case .approver, .finance, .viewer: return [.viewPlanning]
        case .supplier: return [.viewOwnSupply]
        }
    }

    /// Whether the role may do `permission`.
    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }
}

/// Something a role may be allowed to do.
public enum Permission: String, Sendable, CaseIterable {
    /// See the whole planning picture, costs included.
    case viewPlanning = "view_planning"
    /// See one's own supply: the items one supplies, their forecasts, stock and consumption.
    case viewOwnSupply = "view_own_supply"
    /// Post to the ledger.
    case postLedger = "post_ledger"
    /// Start plan runs.
    case runPlans = "run_plans"
    /// Create and expire overrides.
    case manageOverrides = "manage_overrides"
    /// Users, tokens of others, the audit log.
    case administer
}
