/// Decides an action on a change set (docs/changesets.md, "Lifecycle"). Pure: Storage applies the
/// decision in one transaction, conditional on the state it read.
///
/// The rules:
/// - planners and admins (``changeRoles``) create, preview, apply and reverse change sets — they
///   need ``Permission/manageOverrides`` and ``Permission/postLedger``, since a change set moves
///   stock and carries overrides;
/// - approvers and admins (``approveRoles``) approve or reject; never the author (four eyes);
/// - a change set is approved only after it was previewed, applied only after it was approved,
///   reversed only after it was applied; a reject needs a reason.
public enum ChangeSetWorkflow {
    /// The roles that create, preview, apply and reverse change sets.
    public static var changeRoles: [Role] {
        Role.allCases.filter { $0.allows(.manageOverrides) && $0.allows(.postLedger) }
    }

    /// The roles that approve or reject change sets.
    public static let approveRoles: [Role] = [.approver, .admin]

    /// The reason of a reject: 1 to 500 characters on one line.
    public static let reasonField = TextField(name: "reason", maximumLength: 500)

    /// Refuses `principal` creating a change set unless its role is one of ``changeRoles``.
    public static func checkCreate(by principal: Authorization.Principal) throws(WorkflowError) {
        guard changeRoles.contains(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not create change sets — roles that may: \(roleList(changeRoles))"
            )
        }
    }

    /// Decides `action` by `principal` on the change set of `facts`: the state after it.
    ///
    /// - Throws: ``WorkflowError`` — `not_permitted` (role), `segregation_of_duties` (the author
    ///   approves), `invalid_transition` (state), `reason_required` / `invalid_reason` (reject).
    public static func decide(
        _ action: ChangeSetAction, on facts: ChangeSetFacts, by principal: Authorization.Principal, reason: String = ""
    ) throws(WorkflowError) -> (state: ChangeSetState, reason: String) {
        let id = facts.changeSetID
        let roles = rolesPermitted(action)
        guard roles.contains(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not \(action.rawValue) change set \(id) — roles that may: \(roleList(roles))"
            )
        }
        if action == .approve, principal.userID == facts.createdBy {
            throw WorkflowError(
                .segregationOfDuties,
                "\(principal.userID) created change set \(id) and may not approve it — another approver must (four eyes)")
        }
        let allowed = allowedStates(action)
        guard allowed.contains(facts.state) else {
            throw WorkflowError(
                .invalidTransition,
                "change set \(id) is \(facts.state.rawValue); \(action.rawValue) needs a change set that is \(allowed.map(\.rawValue).joined(separator: " or "))"
            )
        }
        var text = ""
        if action == .reject {
            do {
                text = try reasonField.check(reason)
            } catch {
                throw WorkflowError(.invalidReason, "reject of change set \(id): \(error.message)")
            }
            guard !text.isEmpty else {
                throw WorkflowError(.reasonRequired, "reject of change set \(id) needs a reason — 1 to 500 characters")
            }
        }
        return (target(of: action), text)
    }

    /// The roles that may do `action`.
    public static func rolesPermitted(_ action: ChangeSetAction) -> [Role] {
        switch action {
        case .approve, .reject: return approveRoles
        case .preview, .apply, .reverse: return changeRoles
        }
    }

    /// The states from which `action` is allowed.
    public static func allowedStates(_ action: ChangeSetAction) -> [ChangeSetState] {
        switch action {
        case .preview: return [.draft, .previewed]
        case .approve: return [.previewed]
        case .reject: return [.draft, .previewed]
        case .apply: return [.approved]
        case .reverse: return [.applied]
        }
    }

    /// The state `action` leaves a change set in.
    public static func target(of action: ChangeSetAction) -> ChangeSetState {
        switch action {
        case .preview: return .previewed
        case .approve: return .approved
        case .reject: return .rejected
        case .apply: return .applied
        case .reverse: return .reversed
        }
    }

    static func roleList(_ roles: [Role]) -> String { roles.map(\.rawValue).joined(separator: ", ") }
}
