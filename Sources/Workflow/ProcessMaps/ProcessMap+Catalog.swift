extension ProcessMap {
    /// The purchase-order lifecycle, every edge from ``PurchaseOrderLifecycle/allowedActions(from:)``
    /// and ``PurchaseOrderLifecycle/target(of:)`` (plus the approval of a level that is not the last
    /// of the chain, which keeps the order proposed); who may from ``PurchaseOrderWorkflow/permits(_:_:)``.
    public static var purchaseOrder: ProcessMap {
        let meanings: [PurchaseOrderState: String] = [
            .proposed: "proposed by the plan (procura proposals --release) or a buyer, waiting for its approvals",
            .approved: "every approval of its chain given; not yet sent to the supplier",
            .released: "sent to the supplier (exported to the ERP)",
            .confirmed: "the supplier confirmed it, with a date",
            .partiallyReceived: "some of it received",
            .received: "all of it received; waiting to be closed",
            .closed: "done",
            .cancelled: "cancelled or rejected, with a reason",
        ]
        let states = PurchaseOrderState.lifecycleOrder.map { state in
            State(
                id: state.rawValue, final: PurchaseOrderLifecycle.allowedActions(from: state).isEmpty,
                meaning: meanings[state] ?? "")
        }
        var transitions: [Transition] = []
        for state in PurchaseOrderState.lifecycleOrder {
            for action in PurchaseOrderLifecycle.allowedActions(from: state) {
                if action == .approve {
                    // PurchaseOrderWorkflow keeps the order proposed until the last level of its chain approves.
                    transitions.append(
                        Transition(
                            from: state.rawValue, to: state.rawValue, action: action.rawValue,
                            rule: "a level of its approval chain that is not the last: \(purchaseOrderRule(action))"))
                }
                let to = PurchaseOrderLifecycle.target(of: action)
                transitions.append(
                    Transition(from: state.rawValue, to: to.rawValue, action: action.rawValue, rule: purchaseOrderRule(action)))
            }
        }
        return ProcessMap(
            name: "purchase-order", title: "Purchase order", initial: PurchaseOrderState.proposed.rawValue, states: states,
            transitions: transitions,
            source:
                "PurchaseOrderLifecycle (states and actions), PurchaseOrderWorkflow (who may, segregation of duties, approval chains); a proposal is an order in state proposed"
        )
    }

    static func purchaseOrderRule(_ action: PurchaseOrderAction) -> String {
        let who = PurchaseOrderWorkflow.rolesPermitted(action)
        switch action {
        case .approve:
            return
                "\(who); not who created or changed it (segregation of duties); each level of its approval chain (value, class, criticality, first buy, price rise, unusual quantity, budget) by one approver with the authority, delegations included"
        case .reject: return "\(who); with a reason"
        case .changeQuantity: return "\(who); with a reason; earlier approvals are withdrawn"
        case .release: return "\(who); exported to the supplier"
        case .confirm: return "\(who); the supplier's date (procura po confirm, po import)"
        case .receivePartially: return "\(who); a receipt in the ledger for part of a line"
        case .receive: return "\(who); receipts in the ledger for every line"
        case .close: return who
        case .cancel: return "\(who); with a reason"
        }
    }

    /// A disposition case of excess stock: ``DispositionWorkflow/allowedStates(_:)`` and
    /// ``DispositionWorkflow/outcomes(_:)``, one transition per pair.
    public static var disposition: ProcessMap {
        let meanings: [DispositionState: String] = [
            .open: "created; collecting its sign-offs", .signed: "every required role has signed; ready to execute",
            .executed: "executed: its postings are in the ledger", .closed: "done",
            .cancelled: "cancelled before execution, with a reason",
        ]
        let order: [DispositionState] = [.open, .signed, .executed, .closed, .cancelled]
        var transitions: [Transition] = []
        for from in order {
            for action in DispositionAction.allCases where DispositionWorkflow.allowedStates(action).contains(from) {
                for to in DispositionWorkflow.outcomes(action) {
                    transitions.append(
                        Transition(
                            from: from.rawValue, to: to.rawValue, action: action.rawValue,
                            rule: dispositionRule(action, reachesSigned: to == .signed)))
                }
            }
        }
        let states = order.map { state in
            State(
                id: state.rawValue, final: !transitions.contains { $0.from == state.rawValue }, meaning: meanings[state] ?? "")
        }
        return ProcessMap(
            name: "disposition", title: "Disposition case", initial: DispositionState.open.rawValue, states: states,
            transitions: transitions,
            source:
                "DispositionWorkflow (states, sign-off rules); the required roles are the setting excess.disposition_sign_off_roles"
        )
    }

    static func dispositionRule(_ action: DispositionAction, reachesSigned: Bool) -> String {
        switch action {
        case .sign:
            return reachesSigned
                ? "the last required role signs: a user of that role who has not signed for another"
                : "a required role signs; others are still missing"
        case .execute:
            return "\(DispositionWorkflow.executors); posts the return, transfer or scrap to the ledger in the same transaction"
        case .close: return DispositionWorkflow.managers
        case .cancel: return "\(DispositionWorkflow.managers); with a reason"
        }
    }

    /// The emergency procurement protocol: ``EmergencyBuyRules/approvableStates`` by the named
    /// approver, and the validity window that expires an unapproved buy.
    public static var emergencyBuy: ProcessMap {
        let meanings: [EmergencyBuyState: String] = [
            .requested: "raised with a reason and an incident, waiting for its named approver",
            .approved: "approved: its purchase order exists (approved, to be released) and follows the purchase-order map",
            .expired: "not approved within its validity window",
        ]
        let approvers = Role.allCases.filter { $0.allows(.approveOrders) }.map(\.rawValue).joined(separator: ", ")
        var transitions = EmergencyBuyRules.approvableStates.map {
            Transition(
                from: $0.rawValue, to: EmergencyBuyState.approved.rawValue, action: "approve",
                rule:
                    "only the named approver (\(approvers)), never the requester, before the window ends; creates an approved purchase order"
            )
        }
        transitions.append(
            Transition(
                from: EmergencyBuyState.requested.rawValue, to: EmergencyBuyState.expired.rawValue, action: "(time)",
                rule:
                    "the validity window (1 to \(EmergencyBuyRules.maximumValidityHours) hours) passes unapproved; raise a new buy if the emergency lasts"
            ))
        return ProcessMap(
            name: "emergency-buy", title: "Emergency buy", initial: EmergencyBuyState.requested.rawValue,
            states: EmergencyBuyState.allCases.map { state in
                State(
                    id: state.rawValue, final: !transitions.contains { $0.from == state.rawValue },
                    meaning: meanings[state] ?? "")
            }, transitions: transitions,
            source:
                "EmergencyBuyRules (who may raise and approve, the window); afterwards the deviation report reviews each buy and whether its incident was closed"
        )
    }

    /// The monthly provision run: ``ProvisionRules`` (who runs, who approves).
    public static var provisionRun: ProcessMap {
        let runners = ProvisionRules.runRoles.map(\.rawValue).sorted().joined(separator: ", ")
        let approvers = ProvisionRules.approveRoles.map(\.rawValue).sorted().joined(separator: ", ")
        return ProcessMap(
            name: "provision-run", title: "Provision run", initial: "draft",
            states: [
                State(id: "draft", final: false, meaning: "computed for the month; may be re-run (replaced)"),
                State(id: "approved", final: true, meaning: "final and immutable; exported to the general ledger"),
            ],
            transitions: [
                Transition(from: "draft", to: "draft", action: "run", rule: "\(runners); recomputes the month's draft"),
                Transition(
                    from: "draft", to: "approved", action: "approve",
                    rule: "\(approvers); not who ran it (segregation of duties)"),
            ],
            source: "ProvisionRules (who runs, who approves); the states are ProvisionRun.State (Planning)")
    }
}
