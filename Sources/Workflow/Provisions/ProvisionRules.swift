/// Who may run and approve the monthly write-down provision (docs/excess.md, "Monthly provision
/// run"): planners, finance and administrators run it; only finance approves it, and never the
/// person who ran it (segregation of duties, as for purchase orders). Pure: the store asks before it
/// writes.
public enum ProvisionRules {
    /// The roles that may compute (or re-compute) a month's draft run.
    public static let runRoles: Set<Role> = [.finance, .planner, .admin]
    /// The roles that may approve a draft run.
    public static let approveRoles: Set<Role> = [.finance]

    /// Refuses `principal` running a provision run unless its role is one of ``runRoles``.
    public static func checkRun(by principal: Authorization.Principal) throws(WorkflowError) {
        guard runRoles.contains(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (\(principal.role.rawValue)) may not run a provision run — finance, planner or admin may")
        }
    }

    /// Refuses the approval of run `runID`, created by `createdBy`, by `principal` unless the
    /// principal is finance and not the one who ran it.
    public static func checkApprove(runID: String, createdBy: String, by principal: Authorization.Principal)
        throws(WorkflowError)
    {
        guard approveRoles.contains(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (\(principal.role.rawValue)) may not approve provision run \(runID) — only finance may")
        }
        guard principal.userID != createdBy else {
            throw WorkflowError(
                .segregationOfDuties,
                "\(principal.userID) ran provision run \(runID) and may not approve it — another finance user must")
        }
    }
}
