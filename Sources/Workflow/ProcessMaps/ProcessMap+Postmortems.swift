extension ProcessMap {
    /// A post-mortem of an inventory incident: ``PostmortemState``, closed by
    /// ``PostmortemRules/checkClose(_:state:actions:by:)`` only when every action is done or
    /// cancelled; the writers are ``ActionTracker/writerRoles``.
    public static var postmortem: ProcessMap {
        let writers = ActionTracker.writerRoles.map(\.rawValue).sorted().joined(separator: ", ")
        let meanings: [PostmortemState: String] = [
            .open:
                "opened on a stock-out, excess or write-off of an item-location over a window; its timeline comes from the data; causes and actions are added",
            .closed: "every action done or cancelled; kept with its timeline, causes and actions",
        ]
        let transitions = [
            Transition(
                from: PostmortemState.open.rawValue, to: PostmortemState.open.rawValue, action: "cause",
                rule: "\(writers); a category from the fixed list and a text"),
            Transition(
                from: PostmortemState.open.rawValue, to: PostmortemState.open.rawValue, action: "action_add",
                rule: "\(writers); a title, an owner (a user who is not a supplier user) and a due date; follows the action map"),
            Transition(
                from: PostmortemState.open.rawValue, to: PostmortemState.closed.rawValue, action: "close",
                rule: "\(writers); every action of it done or cancelled (refused otherwise, naming the open ones)"),
        ]
        return ProcessMap(
            name: "postmortem", title: "Post-mortem", initial: PostmortemState.open.rawValue,
            states: PostmortemState.allCases.map { state in
                State(
                    id: state.rawValue, final: !transitions.contains { $0.from == state.rawValue },
                    meaning: meanings[state] ?? "")
            }, transitions: transitions,
            source: "PostmortemRules (who writes, when it closes); the timeline and suggested causes are PostmortemTimeline")
    }

    /// A tracked action (post-mortems now; supplier reviews and meetings to come):
    /// ``TrackedActionState`` and ``ActionTracker/decideClose(_:actionID:owner:state:comment:by:)``.
    public static var trackedAction: ProcessMap {
        let writers = ActionTracker.writerRoles.map(\.rawValue).sorted().joined(separator: " or ")
        let meanings: [TrackedActionState: String] = [
            .open: "added with a title, an owner and a due date; overdue once the due date has passed",
            .done: "done, by whom and when, with an optional comment",
            .cancelled: "dropped, by whom and when, with a comment that says why",
        ]
        let transitions = TrackedActionClosing.allCases.map { closing in
            Transition(
                from: TrackedActionState.open.rawValue, to: closing.target.rawValue, action: closing.rawValue,
                rule: "its owner, or a user of role \(writers)"
                    + (closing == .cancel ? "; with a comment" : "; a comment is optional"))
        }
        return ProcessMap(
            name: "action", title: "Action", initial: TrackedActionState.open.rawValue,
            states: TrackedActionState.allCases.map { state in
                State(id: state.rawValue, final: state.isClosed, meaning: meanings[state] ?? "")
            }, transitions: transitions,
            source:
                "ActionTracker (who adds, who closes, overdue); one tracker for every subject: postmortem, supplier_review, meeting"
        )
    }
}
