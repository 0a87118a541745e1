/// Decides an action on a disposition case of excess stock (docs/disposition.md, "Sign-off and
/// execution"). Pure: Storage applies the decision in one transaction, conditional on the state it
/// read.
///
/// The rules:
/// - creating, executing, closing and cancelling need ``Permission/manageDispositions``; executing
///   posts to the ledger and needs ``Permission/postLedger`` too;
/// - a sign-off is given for one role of the case's required roles (settings
///   `excess.disposition_sign_off_roles`, default buyer — procurement —, operations and finance),
///   only by a person of that role, once per role;
/// - one person signs once: whoever signed for one role may not sign for another (segregation of
///   duties);
/// - the creator may sign for their own role — raising the case is that function's proposal — but
///   not when the case needs a single sign-off, which must then come from someone else;
/// - a case executes only when every required role has signed (``WorkflowError/Code/missingSignOff``);
/// - a cancel needs a reason; executed, closed and cancelled cases are not cancelled.
public enum DispositionWorkflow {
    /// The default sign-off roles: procurement (buyer), operations, finance.
    public static let defaultSignOffRoles: [Role] = [.buyer, .operations, .finance]

    /// The reason of a cancel: 1 to 500 characters on one line.
    public static let reasonField = TextField(name: "reason", maximumLength: 500)

    /// The decision: the state after the action and, for a sign-off, the sign-off given.
    public struct Decision: Sendable, Hashable {
        /// The state after the action.
        public var state: DispositionState
        /// The sign-off given (sign only).
        public var signOff: DispositionSignOff?
        /// The checked reason (cancel), or empty.
        public var reason: String
    }

    /// Refuses `principal` creating a case unless its role may manage dispositions.
    public static func checkCreate(by principal: Authorization.Principal) throws(WorkflowError) {
        guard Authorization.permits(principal, .manageDispositions) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not create disposition cases — roles that may: \(managers)"
            )
        }
    }

    /// Decides `action` by `principal` on the case of `facts`.
    ///
    /// - Parameters:
    ///   - role: for `sign`, the role signed for (`nil`: the principal's own role).
    ///   - reason: for `cancel`, why.
    /// - Throws: ``WorkflowError`` — `not_permitted` (role), `invalid_transition` (state, a role
    ///   signed already), `segregation_of_duties` (a second signature by one person, the creator's
    ///   single sign-off), `missing_sign_off` (execute before every role signed), `reason_required`,
    ///   `invalid_reason`.
    public static func decide(
        _ action: DispositionAction, on facts: DispositionFacts, by principal: Authorization.Principal, role: Role? = nil,
        reason: String = ""
    ) throws(WorkflowError) -> Decision {
        let id = facts.caseID
        let user = principal.userID
        switch action {
        case .sign:
            let signedFor = role ?? principal.role
            guard facts.requiredRoles.contains(signedFor) else {
                throw WorkflowError(
                    .notPermitted,
                    "disposition case \(id) needs no sign-off by \(signedFor.rawValue) — it needs \(roleList(facts.requiredRoles))"
                )
            }
            try requireState(facts, allowedStates(action), action)
            if let earlier = facts.signOffs.first(where: { $0.userID == user }) {
                throw WorkflowError(
                    .segregationOfDuties,
                    "\(user) already signed disposition case \(id) for \(earlier.role.rawValue); one person signs once — \(signedFor.rawValue) needs another person"
                )
            }
            guard principal.role == signedFor else {
                throw WorkflowError(
                    .notPermitted,
                    "\(user) (role \(principal.role.rawValue)) may not sign disposition case \(id) for \(signedFor.rawValue) — only a \(signedFor.rawValue) user may"
                )
            }
            if let earlier = facts.signOffs.first(where: { $0.role == signedFor }) {
                throw WorkflowError(
                    .invalidTransition,
                    "disposition case \(id) is already signed for \(signedFor.rawValue) by \(earlier.userID) — it still needs \(roleList(facts.missingRoles))"
                )
            }
            if user == facts.createdBy, facts.requiredRoles.count == 1 {
                throw WorkflowError(
                    .segregationOfDuties,
                    "\(user) created disposition case \(id), which needs a single sign-off — another \(signedFor.rawValue) user must sign it"
                )
            }
            let signOff = DispositionSignOff(role: signedFor, userID: user)
            var after = facts
            after.signOffs.append(signOff)
            return Decision(state: after.missingRoles.isEmpty ? .signed : .open, signOff: signOff, reason: "")
        case .execute:
            guard Authorization.permits(principal, .manageDispositions), Authorization.permits(principal, .postLedger) else {
                throw WorkflowError(
                    .notPermitted,
                    "\(user) (role \(principal.role.rawValue)) may not execute disposition cases — roles that may: \(executors)")
            }
            if facts.state == .open {
                let given =
                    facts.signOffs.isEmpty
                    ? "none" : facts.signOffs.map { "\($0.role.rawValue) (\($0.userID))" }.joined(separator: ", ")
                throw WorkflowError(
                    .missingSignOff,
                    "disposition case \(id) cannot be executed: it lacks the sign-off of \(roleList(facts.missingRoles)) — signed so far: \(given)"
                )
            }
            try requireState(facts, allowedStates(action), action)
            return Decision(state: .executed, signOff: nil, reason: "")
        case .close:
            try requireManager(principal, action, id)
            try requireState(facts, allowedStates(action), action)
            return Decision(state: .closed, signOff: nil, reason: "")
        case .cancel:
            try requireManager(principal, action, id)
            try requireState(facts, allowedStates(action), action)
            let text: String
            do {
                text = try reasonField.check(reason)
            } catch {
                throw WorkflowError(.invalidReason, "cancel of disposition case \(id): \(error.message)")
            }
            guard !text.isEmpty else {
                throw WorkflowError(.reasonRequired, "cancel of disposition case \(id) needs a reason — 1 to 500 characters")
            }
            return Decision(state: .cancelled, signOff: nil, reason: text)
        }
    }

    /// The states from which `action` is allowed.
    public static func allowedStates(_ action: DispositionAction) -> [DispositionState] {
        switch action {
        case .sign: return [.open]
        case .execute: return [.signed]
        case .close: return [.executed]
        case .cancel: return [.open, .signed]
        }
    }

    /// The states `action` can leave a case in (``decide(_:on:by:role:reason:)`` returns one of them):
    /// a sign-off keeps the case open until the last required role signs.
    public static func outcomes(_ action: DispositionAction) -> [DispositionState] {
        switch action {
        case .sign: return [.open, .signed]
        case .execute: return [.executed]
        case .close: return [.closed]
        case .cancel: return [.cancelled]
        }
    }

    static func requireState(_ facts: DispositionFacts, _ allowed: [DispositionState], _ action: DispositionAction)
        throws(WorkflowError)
    {
        guard !allowed.contains(facts.state) else { return }
        throw WorkflowError(
            .invalidTransition,
            "disposition case \(facts.caseID) is \(facts.state.rawValue); \(action.rawValue) needs a case that is \(allowed.map(\.rawValue).joined(separator: " or "))"
        )
    }

    static func requireManager(_ principal: Authorization.Principal, _ action: DispositionAction, _ id: String)
        throws(WorkflowError)
    {
        guard Authorization.permits(principal, .manageDispositions) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not \(action.rawValue) disposition case \(id) — roles that may: \(managers)"
            )
        }
    }

    static func roleList(_ roles: [Role]) -> String { roles.map(\.rawValue).joined(separator: ", ") }

    static var managers: String { roleList(Role.allCases.filter { $0.allows(.manageDispositions) }) }
    static var executors: String {
        roleList(Role.allCases.filter { $0.allows(.manageDispositions) && $0.allows(.postLedger) })
    }
}
