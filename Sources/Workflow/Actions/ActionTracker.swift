public import InventoryCore

/// The rules of tracked actions (docs/postmortems.md, "Actions"): one tracker for every subject
/// (``ActionSubjectKind``). Pure: Storage applies a decision in one transaction, conditional on
/// the state it read, and audits it.
///
/// The rules:
/// - planners and admins (``writerRoles``) add actions; an action has a title (1 to 200
///   characters), an owner — a user who is not a supplier user (``mayOwn(_:)``) — and a due date;
/// - an open action is closed as `done` (comment optional) or `cancelled` (comment required), by
///   its owner or a planner or admin; a closed action does not change again;
/// - an open action whose due date is before today is overdue (``isOverdue(state:due:today:)``).
public enum ActionTracker {
    /// Who adds actions and closes anyone's: planners and admins.
    public static let writerRoles: Set<Role> = [.admin, .planner]
    /// An action's title: 1 to 200 characters on one line.
    public static let titleField = TextField(name: "title", maximumLength: 200, isRequired: true)
    /// The comment of a closing: up to 500 characters on one line (required to cancel).
    public static let commentField = TextField(name: "comment", maximumLength: 500)

    /// Whether `role` adds actions and closes anyone's (``writerRoles``).
    public static func mayWrite(_ role: Role) -> Bool { writerRoles.contains(role) }

    /// Whether a user of `role` may own an action: anyone who sees planning data (suppliers no).
    public static func mayOwn(_ role: Role) -> Bool { role.allows(.viewPlanning) && !role.isSupplierScoped }

    /// Whether an action in `state` due on `due` is overdue on `today`: open and due before today.
    public static func isOverdue(state: TrackedActionState, due: Day, today: Day) -> Bool {
        state == .open && due < today
    }

    /// Checks a new action by `principal` for an owner of `ownerRole` (`nil`: no such user);
    /// returns the checked title.
    ///
    /// - Throws: ``WorkflowError`` — `not_permitted` (not a planner or admin; an owner who may not
    ///   own actions), `invalid_reason` (the title).
    public static func checkAdd(
        title: String, owner: String, ownerRole: Role?, by principal: Authorization.Principal
    ) throws(WorkflowError) -> String {
        guard mayWrite(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not add actions — planners and admins may")
        }
        let text: String
        do {
            text = try titleField.check(title)
        } catch {
            throw WorkflowError(.invalidReason, "action: \(error.message)")
        }
        guard let ownerRole, mayOwn(ownerRole) else {
            throw WorkflowError(
                .notPermitted,
                "owner '\(owner)' \(ownerRole.map { "has role \($0.rawValue) and may not own actions" } ?? "is not a user") — the owner is a user who sees planning data (not a supplier user)"
            )
        }
        return text
    }

    /// Decides closing action `actionID` (owned by `owner`, now in `state`) as `closing` by
    /// `principal` with `comment`; returns the state reached and the checked comment.
    ///
    /// - Throws: ``WorkflowError`` — `not_permitted` (neither the owner nor a planner or admin),
    ///   `invalid_transition` (closed already), `reason_required` (cancel without a comment),
    ///   `invalid_reason` (the comment).
    public static func decideClose(
        _ closing: TrackedActionClosing, actionID: String, owner: String, state: TrackedActionState, comment: String,
        by principal: Authorization.Principal
    ) throws(WorkflowError) -> (state: TrackedActionState, comment: String) {
        guard principal.userID == owner || mayWrite(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not close action \(actionID) — its owner \(owner), planners and admins may"
            )
        }
        guard state == .open else {
            throw WorkflowError(
                .invalidTransition, "action \(actionID) is \(state.rawValue); only an open action is closed")
        }
        let text: String
        do {
            text = try commentField.check(comment)
        } catch {
            throw WorkflowError(.invalidReason, "\(closing.rawValue) of action \(actionID): \(error.message)")
        }
        if closing == .cancel, text.isEmpty {
            throw WorkflowError(.reasonRequired, "cancel of action \(actionID) needs a comment — 1 to 500 characters")
        }
        return (closing.target, text)
    }
}
