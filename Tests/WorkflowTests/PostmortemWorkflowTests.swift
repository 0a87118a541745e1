import InventoryCore
import Testing

@testable import Workflow

/// Post-mortem rules and the action tracker (docs/postmortems.md), pure.
@Suite("Post-mortems and actions")
struct PostmortemWorkflowTests {
    static func day(_ d: Int) -> Day { Day(year: 2026, month: 11, day: d)! }
    static let pia = Authorization.Principal(userID: "pia", role: .planner)
    static let bo = Authorization.Principal(userID: "bo", role: .buyer)
    static let supa = Authorization.Principal(userID: "supa", role: .supplier, supplierID: "S1")

    @Test("the timeline is in date order, postings before orders on a day; each cause cites its event")
    func suggested() {
        let events = [
            TimelineEvent(date: Self.day(9), kind: .orderReceivedLate, text: "PO-2 received 3 days late", link: "PO-2"),
            TimelineEvent(date: Self.day(9), kind: .receipt, text: "receipt 5 EA", link: "ledger:9"),
            TimelineEvent(date: Self.day(2), kind: .overrideChanged, text: "override created", link: "override:P1@DC1/rop"),
            TimelineEvent(date: Self.day(4), kind: .issue, text: "issue 3 EA", link: "ledger:4"),
            TimelineEvent(date: Self.day(5), kind: .adjustment, text: "adjustment -2 EA", link: "ledger:5"),
            TimelineEvent(date: Self.day(3), kind: .orderReleasedLate, text: "PO-2 released 1 day late", link: "PO-2"),
            TimelineEvent(date: Self.day(6), kind: .planRun, text: "plan run 4", link: "plan-run:4"),
            TimelineEvent(date: Self.day(7), kind: .writeOff, text: "scrap 1 EA", link: "ledger:7"),
        ]
        #expect(
            PostmortemTimeline.ordered(events).map(\.link) == [
                "override:P1@DC1/rop", "PO-2", "ledger:4", "ledger:5", "plan-run:4", "ledger:7", "ledger:9", "PO-2",
            ])
        let causes = PostmortemTimeline.suggestedCauses(events)
        #expect(
            causes.map { "\($0.category.rawValue) \($0.evidence.link) \($0.evidence.date)" } == [
                "override override:P1@DC1/rop 2026-11-02", "order_released_late PO-2 2026-11-03",
                "data_error ledger:5 2026-11-05", "supplier_late PO-2 2026-11-09",
            ])
        #expect(causes.last?.text == "received after its due date: PO-2 received 3 days late")
        #expect(PostmortemTimeline.suggestedCauses([events[1], events[3], events[6], events[7]]).isEmpty)
    }

    @Test("a post-mortem closes only when every action is done or cancelled, by a planner or admin")
    func closing() throws {
        let open = #expect(throws: WorkflowError.self) {
            try PostmortemRules.checkClose(
                "PM-000001", state: .open, actions: [("ACT-000001", .done), ("ACT-000002", .open), ("ACT-000003", .open)],
                by: Self.pia)
        }
        #expect(
            open?.message
                == "post-mortem PM-000001 has 2 open actions (ACT-000002, ACT-000003) — close each as done or cancelled first")
        try PostmortemRules.checkClose(
            "PM-000001", state: .open, actions: [("ACT-000001", .done), ("ACT-000002", .cancelled)], by: Self.pia)
        let buyer = #expect(throws: WorkflowError.self) {
            try PostmortemRules.checkClose("PM-000001", state: .open, actions: [], by: Self.bo)
        }
        #expect(buyer?.message == "bo (role buyer) may not close post-mortems — planners and admins may")
        #expect(throws: WorkflowError.self) {
            try PostmortemRules.checkClose("PM-000001", state: .closed, actions: [], by: Self.pia)
        }
    }

    @Test("actions: the owner or a planner closes; cancel needs a comment; overdue only while open")
    func actions() throws {
        #expect(ActionTracker.isOverdue(state: .open, due: Self.day(19), today: Self.day(20)))
        #expect(!ActionTracker.isOverdue(state: .open, due: Self.day(20), today: Self.day(20)))
        #expect(!ActionTracker.isOverdue(state: .done, due: Self.day(1), today: Self.day(20)))
        let done = try ActionTracker.decideClose(
            .done, actionID: "ACT-1", owner: "bo", state: .open, comment: " ok ", by: Self.bo)
        #expect(done.state == .done && done.comment == "ok")
        let other = #expect(throws: WorkflowError.self) {
            try ActionTracker.decideClose(.done, actionID: "ACT-1", owner: "pia", state: .open, comment: "", by: Self.bo)
        }
        #expect(other?.message == "bo (role buyer) may not close action ACT-1 — its owner pia, planners and admins may")
        let noComment = #expect(throws: WorkflowError.self) {
            try ActionTracker.decideClose(.cancel, actionID: "ACT-1", owner: "bo", state: .open, comment: " ", by: Self.pia)
        }
        #expect(noComment?.code == .reasonRequired)
        #expect(throws: WorkflowError.self) {
            try ActionTracker.decideClose(.done, actionID: "ACT-1", owner: "bo", state: .cancelled, comment: "", by: Self.bo)
        }
        #expect(throws: WorkflowError.self) {
            try ActionTracker.checkAdd(title: "x", owner: "bo", ownerRole: .buyer, by: Self.bo)
        }
        #expect(
            try ActionTracker.checkAdd(title: " Fix the lead time ", owner: "bo", ownerRole: .buyer, by: Self.pia)
                == "Fix the lead time")
        #expect(!ActionTracker.mayOwn(.supplier) && ActionTracker.mayOwn(.approver))
    }

    @Test("the process maps of post-mortems and actions come from their states and rules")
    func maps() {
        let pm = ProcessMap.postmortem
        #expect(pm.states.map(\.id) == PostmortemState.allCases.map(\.rawValue))
        #expect(pm.states.map(\.final) == [false, true])
        #expect(
            pm.transitions.map { "\($0.from) \($0.action) \($0.to)" } == [
                "open cause open", "open action_add open", "open close closed",
            ])
        let action = ProcessMap.trackedAction
        #expect(action.transitions.map { "\($0.from) \($0.action) \($0.to)" } == ["open done done", "open cancel cancelled"])
        #expect(action.transitions.last?.rule == "its owner, or a user of role admin or planner; with a comment")
    }
}
