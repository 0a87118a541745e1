/// The roles of DESIGN.md ("Who uses it"), and what each may do.
///
/// | permission | admin | planner | buyer | approver | finance | operations | viewer | supplier |
/// |---|---|---|---|---|---|---|---|---|
/// | ``Permission/viewPlanning`` (items, classes, policies, costs, ledger, plan runs, dashboard) | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | – |
/// | ``Permission/viewOwnSupply`` (own items, forecasts, stock, consumption; no costs) | – | – | – | – | – | – | – | ✓ |
/// | ``Permission/postLedger`` | ✓ | ✓ | ✓ | – | – | ✓ | – | – |
/// | ``Permission/runPlans`` | ✓ | ✓ | – | – | – | – | – | – |
/// | ``Permission/manageOverrides`` | ✓ | ✓ | – | – | – | – | – | – |
/// | ``Permission/manageOrders`` (purchase orders: create, change, release, confirm, cancel) | ✓ | – | ✓ | – | – | – | – | – |
/// | ``Permission/approveOrders`` (approve or reject, within the role's approval threshold) | – | – | ✓ | ✓ | ✓ | – | – | – |
/// | ``Permission/manageDispositions`` (disposition cases: create, execute, close, cancel) | ✓ | ✓ | ✓ | – | ✓ | ✓ | – | – |
/// | ``Permission/viewIncentives`` (other people's over-ordering figures in the exposure report) | ✓ | – | – | ✓ | ✓ | – | – | – |
/// | ``Permission/administer`` (users, tokens of others, audit log) | ✓ | – | – | – | – | – | – | – |
///
/// `buyer` is procurement and `operations` the warehouse and maintenance side: with `finance` they
/// are the default sign-off roles of a disposition case (``DispositionWorkflow``).
///
/// Approvers and finance approve purchase orders up to their level of `approval_thresholds`
/// (``ApprovalRules``); buyers approve small orders of others (never their own). What a particular person may do — a role's permissions
/// together with the supplier a supplier user is bound to and what the person owns — is
/// ``Authorization/permits(_:_:)``.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin
    case planner
    case buyer
    case approver
    case finance
    case operations
    case viewer
    case supplier

    /// What the role may do.
    public var permissions: Set<Permission> {
        switch self {
        case .admin:
            return [
                .viewPlanning, .postLedger, .runPlans, .manageOverrides, .manageOrders, .manageDispositions, .viewIncentives,
                .administer,
            ]
        case .planner: return [.viewPlanning, .postLedger, .runPlans, .manageOverrides, .manageDispositions]
        case .buyer: return [.viewPlanning, .postLedger, .manageOrders, .approveOrders, .manageDispositions]
        case .approver: return [.viewPlanning, .approveOrders, .viewIncentives]
        case .finance: return [.viewPlanning, .approveOrders, .manageDispositions, .viewIncentives]
        case .operations: return [.viewPlanning, .postLedger, .manageDispositions]
        case .viewer: return [.viewPlanning]
        case .supplier: return [.viewOwnSupply]
        }
    }

    /// Whether the role may do `permission`.
    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// Whether a user of this role is bound to one supplier (and must name it).
    public var isSupplierScoped: Bool { self == .supplier }
}
