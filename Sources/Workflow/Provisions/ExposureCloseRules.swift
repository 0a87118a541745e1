/// Who may close a month's excess exposure report (docs/excess.md, "Month-end closes"): finance,
/// the role that approves the provision runs (``ProvisionRules/approveRoles``), and administrators.
/// Pure: the store asks before it writes.
public enum ExposureCloseRules {
    /// The roles that may close a month.
    public static let closeRoles: Set<Role> = ProvisionRules.approveRoles.union([.admin])

    /// Refuses `principal` closing `month` unless its role is one of ``closeRoles``.
    public static func checkClose(month: String, by principal: Authorization.Principal) throws(WorkflowError) {
        guard closeRoles.contains(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (\(principal.role.rawValue)) may not close the exposure report of \(month) — finance or admin may"
            )
        }
    }
}
