import InventoryCore
import Testing
import Workflow

@Suite("Purchase-order lifecycle and approval rules")
struct PurchaseOrderWorkflowTests {
    static let rules = ApprovalRules(thresholds: ApprovalThreshold.defaults)
    static let bo = Authorization.Principal(userID: "bo", role: .buyer)
    static let bea = Authorization.Principal(userID: "bea", role: .buyer)
    static let ada = Authorization.Principal(userID: "ada", role: .approver)
    static let fin = Authorization.Principal(userID: "fin", role: .finance)

    /// The documented table (PurchaseOrderLifecycle), row by row.
    static let table: [PurchaseOrderState: [PurchaseOrderAction: PurchaseOrderState]] = [
        .proposed: [.approve: .approved, .changeQuantity: .proposed, .reject: .cancelled, .cancel: .cancelled],
        .approved: [.release: .released, .cancel: .cancelled],
        .released: [.confirm: .confirmed, .receivePartially: .partiallyReceived, .receive: .received, .cancel: .cancelled],
        .confirmed: [.receivePartially: .partiallyReceived, .receive: .received, .cancel: .cancelled],
        .partiallyReceived: [.receivePartially: .partiallyReceived, .receive: .received, .cancel: .cancelled],
        .received: [.close: .closed],
        .closed: [:],
        .cancelled: [:],
    ]

    @Test(
        "every state × every action: allowed ones lead where the table says, the others are refused by name",
        arguments: PurchaseOrderState.allCases)
    func transitions(from state: PurchaseOrderState) throws {
        let allowed = try #require(Self.table[state])
        for action in PurchaseOrderAction.allCases {
            if let to = allowed[action] {
                #expect(try PurchaseOrderLifecycle.next(from: state, action, orderID: "PO-1") == to)
            } else {
                let what =
                    allowed.isEmpty
                    ? "nothing (it is final)"
                    : PurchaseOrderLifecycle.allowedActions(from: state).map(\.rawValue).joined(separator: ", ")
                #expect(
                    throws: WorkflowError(
                        .invalidTransition,
                        "cannot \(action.rawValue) purchase order PO-1: it is \(state.rawValue), which allows \(what)")
                ) { try PurchaseOrderLifecycle.next(from: state, action, orderID: "PO-1") }
            }
        }
        #expect(state.isOpen == allowed.keys.contains(.cancel))
    }

    @Test("a released order cannot be approved: the message names the state, the action and what is allowed")
    func releasedMessage() {
        #expect(
            throws: WorkflowError(
                .invalidTransition,
                "cannot approve purchase order PO-000007: it is released, which allows confirm, receive_partially, receive, cancel"
            )
        ) { try PurchaseOrderLifecycle.next(from: .released, .approve, orderID: "PO-000007") }
    }

    static let chainCases: [(Double, [String])] = [
        (3_000.0, ["buyer"]), (5_000, ["buyer"]), (5_000.01, ["approver"]), (50_000, ["approver"]),
        (80_000, ["approver", "finance"]),
    ]

    @Test("approval chains of the default thresholds", arguments: chainCases)
    func chains(value: Double, roles: [String]) throws {
        #expect(try Self.rules.chain(value: value, orderID: "PO-1").map(\.role) == roles)
    }

    @Test("an order above every threshold is refused, naming the largest")
    func beyond() {
        let rules = ApprovalRules(thresholds: [
            .init(role: "approver", maximumValue: 50_000), .init(role: "buyer", maximumValue: 5_000),
        ])
        #expect(rules.levels.map(\.role) == ["buyer", "approver"])
        #expect(
            throws: WorkflowError(
                .beyondThresholds,
                "purchase order PO-1 is worth 60000.50, above every approval threshold (largest: approver up to 50000) — add a higher level to approval_thresholds in settings.yaml"
            )
        ) { try rules.chain(value: 60_000.5, orderID: "PO-1") }
    }

    @Test("the requester never approves their own proposal, nor one they changed")
    func segregation() {
        let order = PurchaseOrderFacts(orderID: "PO-1", state: .proposed, value: 1_000, createdBy: "bo", changedBy: ["bea"])
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "bo created purchase order PO-1 and may not approve it (segregation of duties: nobody approves a proposal they created or changed) — ask another approver"
            )
        ) { try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.bo, rules: Self.rules) }
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "bea changed purchase order PO-1 and may not approve it (segregation of duties: nobody approves a proposal they created or changed) — ask another approver"
            )
        ) { try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.bea, rules: Self.rules) }
        let ok = try? PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.ada, rules: Self.rules)
        #expect(ok == PurchaseOrderDecision(state: .approved, approvalLevel: "buyer", remainingLevels: [], reason: ""))
    }

    @Test("two levels: an approver then finance, two different people; the same person cannot give both")
    func multiLevel() throws {
        var order = PurchaseOrderFacts(orderID: "PO-2", state: .proposed, value: 80_000, createdBy: "bo")
        #expect(
            throws: WorkflowError(
                .noApprovalAuthority,
                "purchase order PO-2 is worth 80000 and needs approval at level approver; bea's role buyer approves less (approval_thresholds: buyer ≤ 5000, approver ≤ 50000, finance unlimited)"
            )
        ) { try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.bea, rules: Self.rules) }
        let first = try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.fin, rules: Self.rules)
        #expect(
            first == PurchaseOrderDecision(state: .proposed, approvalLevel: "approver", remainingLevels: ["finance"], reason: ""))
        order.approvals.append(.init(userID: "fin", level: "approver"))
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "fin already approved purchase order PO-2 (level approver); level finance needs another person")
        ) { try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.fin, rules: Self.rules) }
        #expect(throws: WorkflowError.self) {
            try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.ada, rules: Self.rules)
        }
        let fay = Authorization.Principal(userID: "fay", role: .finance)
        let second = try PurchaseOrderWorkflow.decide(.approve, on: order, by: fay, rules: Self.rules)
        #expect(second == PurchaseOrderDecision(state: .approved, approvalLevel: "finance", remainingLevels: [], reason: ""))
    }

    @Test("roles without the permission are refused by name; reasons are required where the audit needs them")
    func permissionsAndReasons() {
        let order = PurchaseOrderFacts(orderID: "PO-3", state: .proposed, value: 100, createdBy: "bo")
        let vic = Authorization.Principal(userID: "vic", role: .viewer)
        #expect(
            throws: WorkflowError(
                .notPermitted, "vic (role viewer) may not approve purchase orders — roles that may: buyer, approver, finance")
        ) { try PurchaseOrderWorkflow.decide(.approve, on: order, by: vic, rules: Self.rules) }
        #expect(
            throws: WorkflowError(
                .notPermitted, "ada (role approver) may not release purchase orders — roles that may: admin, buyer")
        ) { try PurchaseOrderWorkflow.decide(.release, on: order, by: Self.ada, rules: Self.rules) }
        for action in [PurchaseOrderAction.reject, .cancel, .changeQuantity] {
            #expect(
                throws: WorkflowError(
                    .reasonRequired, "\(action.rawValue) of purchase order PO-3 needs a reason — 1 to 500 characters")
            ) { try PurchaseOrderWorkflow.decide(action, on: order, by: Self.bea, reason: "  ", rules: Self.rules) }
        }
        #expect(
            throws: WorkflowError(
                .invalidReason,
                "cancel of purchase order PO-3: reason contains the control character U+000A — use printable text on one line")
        ) { try PurchaseOrderWorkflow.decide(.cancel, on: order, by: Self.bo, reason: "a\nb", rules: Self.rules) }
        let cancelled = try? PurchaseOrderWorkflow.decide(
            .cancel, on: order, by: Self.bo, reason: " duplicate ", rules: Self.rules)
        #expect(
            cancelled == PurchaseOrderDecision(state: .cancelled, approvalLevel: nil, remainingLevels: [], reason: "duplicate"))
    }

    @Test("quantities must be numbers > 0", arguments: [0.0, -1, .nan, .infinity])
    func quantities(q: Double) {
        #expect(throws: WorkflowError.self) { try PurchaseOrderWorkflow.checkQuantity(q, orderID: "PO-1", line: 1) }
    }
}
