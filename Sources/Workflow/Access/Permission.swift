/// Something a role may be allowed to do (the columns of ``Role``'s table).
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
    /// Create purchase orders from proposals, change quantities, release, confirm, receive, close
    /// and cancel them (buyers).
    case manageOrders = "manage_orders"
    /// Approve or reject proposed purchase orders, within the role's `approval_thresholds` level.
    case approveOrders = "approve_orders"
    /// Create, execute, close and cancel disposition cases of excess stock (signing is a matter of
    /// the role signed for: ``DispositionWorkflow``).
    case manageDispositions = "manage_dispositions"
    /// See other people's over-ordering figures (the exposure report's decisions per buyer and
    /// planner, and the names behind each share); without it one sees one's own.
    case viewIncentives = "view_incentives"
    /// Users, tokens of others, the audit log.
    case administer
}
