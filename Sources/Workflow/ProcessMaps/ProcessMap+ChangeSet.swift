extension ProcessMap {
    /// A change set (merge or close locations, policy parameters for a selection):
    /// ``ChangeSetWorkflow/allowedStates(_:)`` and ``ChangeSetWorkflow/target(of:)``, one transition
    /// per pair; who may from ``ChangeSetWorkflow/rolesPermitted(_:)``.
    public static var changeSet: ProcessMap {
        let meanings: [ChangeSetState: String] = [
            .draft: "created with its kind and parameters; its effect not yet previewed",
            .previewed:
                "its effect per item-location (stock, safety stock, reorder point, value, service) stored for the approver",
            .approved: "approved by someone other than its author; ready to apply",
            .applied: "applied in one transaction: transfer postings tagged with its id, locations closed, a new plan run",
            .reversed: "the exact opposite postings made, locations re-opened, demand mapping restored",
            .rejected: "rejected before it was applied, with a reason",
        ]
        let order: [ChangeSetState] = [.draft, .previewed, .approved, .applied, .reversed, .rejected]
        var transitions: [Transition] = []
        for from in order {
            for action in ChangeSetAction.allCases where ChangeSetWorkflow.allowedStates(action).contains(from) {
                transitions.append(
                    Transition(
                        from: from.rawValue, to: ChangeSetWorkflow.target(of: action).rawValue, action: action.rawValue,
                        rule: changeSetRule(action)))
            }
        }
        let states = order.map { state in
            State(
                id: state.rawValue, final: !transitions.contains { $0.from == state.rawValue }, meaning: meanings[state] ?? "")
        }
        return ProcessMap(
            name: "change-set", title: "Change set", initial: ChangeSetState.draft.rawValue, states: states,
            transitions: transitions, source: "ChangeSetWorkflow (states, who may, four eyes)")
    }

    static func changeSetRule(_ action: ChangeSetAction) -> String {
        let who = ChangeSetWorkflow.roleList(ChangeSetWorkflow.rolesPermitted(action))
        switch action {
        case .preview: return "\(who); recomputes the policies of the affected items, writes nothing to the ledger"
        case .approve: return "\(who); not the author (four eyes)"
        case .reject: return "\(who); with a reason"
        case .apply: return "\(who); one transaction: transfers through the ledger rules, locations closed"
        case .reverse: return "\(who); reversal postings of every posting it made, locations re-opened"
        }
    }
}
