import InventoryCore
import Testing

@testable import Workflow

/// The escalations of `approval_rules` and delegated authority (docs/procurement.md, "Approval rules").
@Suite("Approval rules: escalations and delegation")
struct ApprovalEscalationTests {
    static let bo = Authorization.Principal(userID: "bo", role: .buyer)
    static let bea = Authorization.Principal(userID: "bea", role: .buyer)
    static let ada = Authorization.Principal(userID: "ada", role: .approver)
    static let fin = Authorization.Principal(userID: "fin", role: .finance)

    static func rules(_ configure: (inout ApprovalRuleSettings) -> Void) -> ApprovalRules {
        var e = ApprovalRuleSettings()
        configure(&e)
        return ApprovalRules(thresholds: ApprovalThreshold.defaults, escalations: e)
    }

    /// One line of 100 units at 30 (value 3,000): routine unless a field says otherwise.
    static func line(
        abc: String? = "C", criticality: String = "E", category: String = "MRO", quantity: Double = 100, price: Double = 30,
        firstBuy: Bool = false, last: Double? = 30, usual: Double? = 100
    ) -> ApprovalContext.Line {
        ApprovalContext.Line(
            line: 1, itemID: "P-100", abcClass: abc, criticality: criticality, category: category, quantity: quantity,
            unitPrice: price, value: quantity * price, firstBuy: firstBuy, lastUnitPrice: last, usualQuantity: usual)
    }

    static func chain(_ rules: ApprovalRules, _ line: ApprovalContext.Line, committed: Double = 0) throws -> [String] {
        try rules.requirement(
            value: line.value, orderID: "PO-1",
            context: ApprovalContext(lines: [line], month: "2026-12", committed: ["MRO": committed])
        ).chain.map(\.role)
    }

    @Test("without escalations the value alone decides, as before")
    func valueAlone() throws {
        let rules = Self.rules { _ in }
        #expect(try Self.chain(rules, Self.line()) == ["buyer"])
        #expect(try Self.chain(rules, Self.line(quantity: 1_000)) == ["approver"])
        #expect(try Self.chain(rules, Self.line(quantity: 3_000)) == ["approver", "finance"])
    }

    @Test("each escalation raises a routine 3,000 order to its level, and only when it matches")
    func escalations() throws {
        let byClass = Self.rules { $0.byClass = ["A": "finance"] }
        #expect(try Self.chain(byClass, Self.line(abc: "A")) == ["approver", "finance"])
        #expect(try Self.chain(byClass, Self.line(abc: "B")) == ["buyer"])
        #expect(try Self.chain(byClass, Self.line(abc: nil)) == ["buyer"])
        let critical = Self.rules { $0.byCriticality = ["V": "approver"] }
        #expect(try Self.chain(critical, Self.line(criticality: "V")) == ["approver"])
        #expect(try Self.chain(critical, Self.line(criticality: "E")) == ["buyer"])
        let first = Self.rules { $0.firstBuyLevel = "approver" }
        #expect(try Self.chain(first, Self.line(firstBuy: true)) == ["approver"])
        #expect(try Self.chain(first, Self.line(firstBuy: false)) == ["buyer"])
        // Price: 10 % above 30 is 33; 33.01 escalates, 33 does not.
        let price = Self.rules {
            $0.priceIncreasePercent = 10
            $0.priceIncreaseLevel = "approver"
        }
        #expect(try Self.chain(price, Self.line(quantity: 10, price: 33.01)) == ["approver"])
        #expect(try Self.chain(price, Self.line(quantity: 10, price: 33)) == ["buyer"])
        #expect(try Self.chain(price, Self.line(quantity: 10, price: 90, last: nil)) == ["buyer"])
        // Quantity: 3 × the usual 40 is 120; 121 escalates, 120 does not.
        let quantity = Self.rules {
            $0.quantityMultiple = 3
            $0.quantityLevel = "approver"
        }
        #expect(try Self.chain(quantity, Self.line(quantity: 121, price: 1, usual: 40)) == ["approver"])
        #expect(try Self.chain(quantity, Self.line(quantity: 120, price: 1, usual: 40)) == ["buyer"])
        // Budget 50,000 per month: 47,000 committed + 3,000 = 50,000 is within; 47,001 + 3,000 is over.
        let budget = Self.rules {
            $0.budgets = ["MRO": 50_000]
            $0.budgetLevel = "finance"
        }
        #expect(try Self.chain(budget, Self.line(), committed: 47_000) == ["buyer"])
        #expect(try Self.chain(budget, Self.line(), committed: 47_001) == ["approver", "finance"])
        #expect(try Self.chain(budget, Self.line(category: "IT"), committed: 47_001) == ["buyer"])
    }

    @Test("the reasons name the value's level, then each rule that matched with its facts")
    func reasons() throws {
        let rules = Self.rules {
            $0.firstBuyLevel = "approver"
            $0.budgets = ["MRO": 50_000]
            $0.budgetLevel = "finance"
        }
        let requirement = try rules.requirement(
            value: 3_000, orderID: "PO-1",
            context: ApprovalContext(lines: [Self.line(firstBuy: true)], month: "2026-12", committed: ["MRO": 48_000]))
        #expect(requirement.chain.map(\.role) == ["approver", "finance"])
        #expect(
            requirement.reasons.map(\.text) == [
                "value 3000 is within buyer's limit of 5000",
                "line 1 (item P-100): first buy of the item at this location",
                "category MRO: 48000 committed in 2026-12 + 3000 exceeds the monthly budget of 50000",
            ])
    }

    @Test("huge limits, prices and rises are named in the reasons without overflowing (a server once crashed on them)")
    func hugeAmounts() throws {
        let rules = ApprovalRules(
            thresholds: [.init(role: "buyer", maximumValue: 1e20), .init(role: "finance", maximumValue: 1e300)],
            escalations: {
                var e = ApprovalRuleSettings()
                e.priceIncreasePercent = 10
                e.priceIncreaseLevel = "finance"
                return e
            }())
        let line = Self.line(quantity: 0.000_001, price: 9e20, last: 1e-10)
        let requirement = try rules.requirement(
            value: line.value, orderID: "PO-1", context: ApprovalContext(lines: [line], month: "2026-12"))
        #expect(requirement.chain.map(\.role) == ["finance"])
        #expect(requirement.reasons.map(\.text)[0] == "value 900000000000000 is within buyer's limit of 1e+20")
        let rise = requirement.reasons.map(\.text)[1]
        #expect(rise.hasPrefix("line 1 (item P-100): price 9e+20 is "), "the rise, 9e+32 up to the last bits")
        #expect(rise.contains("e+32 % above the last price 0 (limit 10 %)"))
        #expect(rules.summary == "buyer ≤ 1e+20, finance ≤ 1e+300")
        #expect(ApprovalRules.amount(1234.5) == "1234.50")
        #expect(ApprovalRules.amount(-0.5) == "-0.50")
    }

    @Test("an escalated order refuses a buyer with the escalation in the message")
    func refusalNamesEscalation() {
        let rules = Self.rules { $0.firstBuyLevel = "approver" }
        let order = PurchaseOrderFacts(orderID: "PO-9", state: .proposed, value: 3_000, createdBy: "bo")
        #expect(
            throws: WorkflowError(
                .noApprovalAuthority,
                "purchase order PO-9 is worth 3000 and needs approval at level approver; bea's role buyer approves less (approval_thresholds: buyer ≤ 5000, approver ≤ 50000, finance unlimited); escalated by approval_rules: line 1 (item P-100): first buy of the item at this location → approver"
            )
        ) {
            try PurchaseOrderWorkflow.decide(
                .approve, on: order, by: Self.bea, rules: rules,
                context: ApprovalContext(lines: [Self.line(firstBuy: true)], month: "2026-12"))
        }
    }

    @Test("a delegate approves at the delegator's level; never with authority of the creator, a changer or an earlier approver")
    func delegatedAuthority() throws {
        let rules = Self.rules { _ in }
        let order = PurchaseOrderFacts(
            orderID: "PO-2", state: .proposed, value: 80_000, createdBy: "bo",
            approvals: [.init(userID: "ada", level: "approver")])
        let fromFin = ApprovalGrant(delegator: "fin", role: "finance", delegationID: "DL-000001")
        let decision = try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.bea, rules: rules, grants: [fromFin])
        #expect(decision.state == .approved && decision.approvalLevel == "finance" && decision.onBehalfOf == "fin")
        // A buyer-level delegation does not reach finance.
        let fromBuyer = ApprovalGrant(delegator: "bob", role: "buyer", delegationID: "DL-000002")
        #expect(throws: WorkflowError.self) {
            try PurchaseOrderWorkflow.decide(.approve, on: order, by: Self.bea, rules: rules, grants: [fromBuyer])
        }
        // The delegator created the order, changed it, or already approved it: no authority.
        for facts in [
            PurchaseOrderFacts(
                orderID: "PO-2", state: .proposed, value: 80_000, createdBy: "fin",
                approvals: [.init(userID: "ada", level: "approver")]),
            PurchaseOrderFacts(
                orderID: "PO-2", state: .proposed, value: 80_000, createdBy: "bo", changedBy: ["fin"],
                approvals: [.init(userID: "ada", level: "approver")]),
        ] {
            do {
                _ = try PurchaseOrderWorkflow.decide(.approve, on: facts, by: Self.bea, rules: rules, grants: [fromFin])
                Issue.record("authority lent by \(facts.createdBy)/\(facts.changedBy) should not approve")
            } catch {
                #expect(error.code == .noApprovalAuthority)
                #expect(
                    error.message.hasSuffix(
                        "; no delegation held covers it (a delegator must rank at finance and must not have created, changed or approved the order)"
                    ))
            }
        }
        // An approval given on fin's behalf counts as fin's: fin may not approve the same order again.
        let byDelegate = PurchaseOrderFacts(
            orderID: "PO-3", state: .proposed, value: 80_000, createdBy: "bo",
            approvals: [.init(userID: "bea", level: "approver", onBehalfOf: "fin")])
        #expect(
            throws: WorkflowError(
                .segregationOfDuties,
                "fin already approved purchase order PO-3 (level approver); level finance needs another person")
        ) { try PurchaseOrderWorkflow.decide(.approve, on: byDelegate, by: Self.fin, rules: rules) }
        // Own authority first: an approver approving at approver level uses no delegation.
        let fresh = PurchaseOrderFacts(orderID: "PO-4", state: .proposed, value: 20_000, createdBy: "bo")
        #expect(
            try PurchaseOrderWorkflow.decide(.approve, on: fresh, by: Self.ada, rules: rules, grants: [fromFin]).onBehalfOf == nil
        )
    }

    static let today = Day(year: 2026, month: 12, day: 6)!

    static func check(
        delegator: String = "fin", delegatorRole: Role? = .finance, delegate: String = "ada", delegateRole: Role? = .approver,
        from: Day = today, to: Day = today.adding(days: 14), reason: String = "holiday",
        by principal: Authorization.Principal = fin
    ) throws(WorkflowError) -> String {
        try ApprovalDelegation.check(
            delegator: delegator, delegatorRole: delegatorRole, delegate: delegate, delegateRole: delegateRole, validFrom: from,
            validTo: to, reason: reason, by: principal, rules: ApprovalRules(thresholds: ApprovalThreshold.defaults), today: today
        )
    }

    @Test("delegations: one's own authority to another approver, a window of at most 366 days, a reason")
    func delegationChecks() throws {
        #expect(try Self.check() == "holiday")
        let admin = Authorization.Principal(userID: "root", role: .admin)
        #expect(try Self.check(by: admin) == "holiday")
        let cases: [(WorkflowError, () throws(WorkflowError) -> String)] = [
            (
                WorkflowError(
                    .notPermitted,
                    "ada (role approver) may not delegate fin's approval authority — one delegates one's own; an admin anyone's"),
                { () throws(WorkflowError) in try Self.check(by: Self.ada) }
            ),
            (
                WorkflowError(.invalidDelegation, "fin cannot delegate to themselves — name another user"),
                { () throws(WorkflowError) in try Self.check(delegate: "fin", delegateRole: .finance) }
            ),
            (
                WorkflowError(
                    .invalidDelegation,
                    "delegate pia's role planner may not approve orders — the delegate needs one of: buyer, approver, finance"),
                { () throws(WorkflowError) in try Self.check(delegate: "pia", delegateRole: .planner) }
            ),
            (
                WorkflowError(.invalidDelegation, "delegate 'gone' is no active user"),
                { () throws(WorkflowError) in try Self.check(delegate: "gone", delegateRole: nil) }
            ),
            (
                WorkflowError(
                    .invalidDelegation, "valid_to 2026-12-01 is before valid_from 2026-12-06 — expected valid_from ≤ valid_to"),
                { () throws(WorkflowError) in try Self.check(to: Day(year: 2026, month: 12, day: 1)!) }
            ),
            (
                WorkflowError(.invalidDelegation, "valid_to 2026-12-05 is in the past (today is 2026-12-06)"),
                { () throws(WorkflowError) in
                    try Self.check(from: Day(year: 2026, month: 12, day: 1)!, to: Day(year: 2026, month: 12, day: 5)!)
                }
            ),
            (
                WorkflowError(.invalidDelegation, "the window 2026-12-06 to 2027-12-07 is 367 days — at most 366"),
                { () throws(WorkflowError) in try Self.check(to: Self.today.adding(days: 366)) }
            ),
            (
                WorkflowError(.invalidDelegation, "a delegation needs a reason — 1 to 500 characters"),
                { () throws(WorkflowError) in try Self.check(reason: "  ") }
            ),
        ]
        for (expected, body) in cases {
            #expect(throws: expected) { _ = try body() }
        }
        // A planner has no threshold to delegate, even as an admin's choice.
        #expect(throws: WorkflowError.self) { _ = try Self.check(delegator: "pia", delegatorRole: .planner, by: admin) }
    }
}
