/// Who opens, writes and closes post-mortems, and when one may close (docs/postmortems.md).
/// Pure: Storage applies a decision in one transaction and audits it.
///
/// The rules:
/// - planners and admins (``ActionTracker/writerRoles``) open post-mortems, record causes, add
///   actions and close them; everyone who sees planning data reads them; supplier users see none;
/// - a post-mortem is closed only when every action of it is done or cancelled; closed, it does
///   not change again.
public enum PostmortemRules {
    /// A post-mortem's title: 1 to 200 characters on one line.
    public static let titleField = TextField(name: "title", maximumLength: 200, isRequired: true)
    /// A cause's text: 1 to 500 characters on one line.
    public static let causeField = TextField(name: "text", maximumLength: 500, isRequired: true)
    /// The longest incident window, in days.
    public static let maximumWindowDays = 366

    /// Checks that `principal` may change post-mortems (open, record a cause, add an action, close).
    ///
    /// - Throws: ``WorkflowError/Code/notPermitted``.
    public static func checkWrite(_ verb: String, by principal: Authorization.Principal) throws(WorkflowError) {
        guard ActionTracker.mayWrite(principal.role) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not \(verb) — planners and admins may")
        }
    }

    /// Checks that post-mortem `id` in `state` may take a change (`verb`): it is open.
    ///
    /// - Throws: ``WorkflowError/Code/invalidTransition``.
    public static func checkOpen(_ id: String, state: PostmortemState, _ verb: String) throws(WorkflowError) {
        guard state == .open else {
            throw WorkflowError(.invalidTransition, "post-mortem \(id) is closed; \(verb) needs an open post-mortem")
        }
    }

    /// Checks that post-mortem `id` in `state`, whose actions are `actions` (id and state), may be
    /// closed by `principal`.
    ///
    /// - Throws: ``WorkflowError`` — `not_permitted`, `invalid_transition` (closed already, or an
    ///   action still open: the message names them).
    public static func checkClose(
        _ id: String, state: PostmortemState, actions: [(id: String, state: TrackedActionState)],
        by principal: Authorization.Principal
    ) throws(WorkflowError) {
        try checkWrite("close post-mortems", by: principal)
        try checkOpen(id, state: state, "close")
        let open = actions.filter { !$0.state.isClosed }.map(\.id)
        guard open.isEmpty else {
            throw WorkflowError(
                .invalidTransition,
                "post-mortem \(id) has \(open.count) open action\(open.count == 1 ? "" : "s") (\(open.joined(separator: ", "))) — close each as done or cancelled first"
            )
        }
    }
}
