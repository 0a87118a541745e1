import InventoryCore
import Synchronization
import Testing
import Workflow

@testable import Storage

/// A clock the scenario moves forward, so each event of the fixture happens on its own day.
final class SteppingClock: WallClock {
    private let moment: Mutex<Timestamp>

    init(_ iso: String) throws { moment = Mutex(try #require(Timestamp(iso8601: iso))) }

    func now() -> Timestamp { moment.withLock { $0 } }

    /// Sets the clock to 09:00 UTC of `day` (2026-11-DD).
    func set(_ day: Int) throws {
        let next = try #require(Timestamp(iso8601: "2026-11-\(day < 10 ? "0" : "")\(day)T09:00:00Z"))
        moment.withLock { $0 = next }
    }
}

/// Post-mortems and the action tracker (docs/postmortems.md), on both databases: the timeline of a
/// hand-made incident by content, the causes it suggests with their evidence, causes and actions
/// recorded, closing refused while an action is open (nothing changed), idempotent creation.
extension StorageScenario {
    static let postmortems: [StorageScenario] = [
        StorageScenario(name: "post-mortem: timeline from the data, suggested causes, actions tracked to closure") { base in
            try await StorageFixture.load(base)
            let clock = try SteppingClock("2026-11-01T09:00:00Z")
            let store = Store(backend: base.backend, clock: clock)
            for (id, role, supplier) in [
                ("pia", "planner", nil), ("bo", "buyer", nil), ("ada", "approver", nil), ("supa", "supplier", "S1"),
            ] {
                try await store.createUser(UserRecord(userID: id, role: role, supplierID: supplier), actor: "cli")
            }
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let bo = Authorization.Principal(userID: "bo", role: .buyer)
            func post(
                _ key: String, _ type: PostingType, _ quantity: Double, _ day: Int, item: String = "P1", reference: String = ""
            )
                async throws
            {
                _ = try await store.post(
                    PostingRequest(
                        key: key, date: try #require(Day(year: 2026, month: 11, day: day)), type: type, itemID: item,
                        locationID: "DC1", quantity: quantity, reason: type == .adjustment ? "count" : "", reference: reference))
            }
            try await post("before", .receipt, 3, 1, item: "P2")  // another item: not on the timeline
            try await post("R0", .receipt, 10, 1)
            try await clock.set(2)
            _ = try await store.createPurchaseOrders(
                POFixture.proposals(1), currency: "EUR", planRun: nil, key: "pm", by: POFixture.bo)
            try await clock.set(3)
            _ = try await store.decidePurchaseOrder(POFixture.request("PO-000001", .approve, by: POFixture.ada))
            try await clock.set(4)
            _ = try await store.decidePurchaseOrder(POFixture.request("PO-000001", .release, by: POFixture.bo))
            try await clock.set(6)
            try await post("I1", .issue, 10, 5)
            try await post("A1", .adjustment, 1, 6)
            try await clock.set(7)
            _ = try await store.saveOverride(
                OverrideRecord(
                    itemID: "P1", locationID: "DC1", parameter: "safety_stock", value: 0, reason: "end of season",
                    author: "pia", validFrom: try #require(Day(year: 2026, month: 11, day: 7)),
                    validTo: try #require(Day(year: 2027, month: 1, day: 31))),
                actor: "pia")
            try await clock.set(8)
            _ = try await store.savePlanRun(asOf: try #require(Day(year: 2026, month: 11, day: 8)), label: "weekly", results: [])
            try await clock.set(16)
            try await post("R1", .receipt, 24, 16, reference: "PO-000001")
            try await post("late", .issue, 1, 19)  // after the window
            try await clock.set(20)

            let request = PostmortemRequest(
                title: "Stock-out of P1 at DC1", itemID: "P1", locationID: "DC1",
                from: try #require(Day(year: 2026, month: 11, day: 1)), to: try #require(Day(year: 2026, month: 11, day: 18)),
                kind: .stockOut)
            let opened = try await store.openPostmortem(request, by: pia, key: "k-open")
            #expect(opened.value.postmortemID == "PM-000001" && !opened.replayed && opened.value.state == .open)
            let replay = try await store.openPostmortem(request, by: pia, key: "k-open")
            #expect(replay.replayed && replay.value == opened.value)
            var other = request
            other.title = "another"
            await expectStorageError(.idempotencyConflict) { _ = try await store.openPostmortem(other, by: pia, key: "k-open") }
            await expectWorkflowError(.notPermitted) { _ = try await store.openPostmortem(request, by: bo) }
            var unknown = request
            unknown.itemID = "P9"
            let refused = await expectStorageError(.invalidPostmortem) { _ = try await store.openPostmortem(unknown, by: pia) }
            #expect(refused?.message == "item_id: 'P9' is not in the database — expected an id of items.csv")
            #expect(try await store.postmortems().map(\.postmortemID) == ["PM-000001"])

            var detail = try await store.postmortem("PM-000001")
            let lines = detail.timeline.map { "\($0.date) \($0.kind.rawValue) \($0.link) | \($0.text)" }
            #expect(
                lines == [
                    "2026-11-01 receipt ledger:2 | receipt 10 EA",
                    "2026-11-02 order_created PO-000001 | PO-000001 created as a proposal by bo: 24 EA from S1",
                    "2026-11-03 order_approved PO-000001 | PO-000001 approved by ada",
                    "2026-11-04 order_released_late PO-000001 | PO-000001 released 2 days after its planned release date 2026-11-02",
                    "2026-11-05 issue ledger:3 | issue 10 EA",
                    "2026-11-06 adjustment ledger:4 | adjustment 1 EA (count)",
                    "2026-11-07 override_changed override:P1@DC1/safety_stock@2026-11-07 | override created by pia: safety_stock = 0.0: end of season",
                    "2026-11-08 plan_run plan-run:1 | plan run 1 (weekly) as of 2026-11-08",
                    "2026-11-16 receipt ledger:5 | receipt 24 EA ref PO-000001",
                    "2026-11-16 order_received_late PO-000001 | PO-000001 from S1 received 4 days after its due date 2026-11-12",
                ], "\(lines)")
            #expect(
                detail.suggestedCauses.map { "\($0.category.rawValue) \($0.evidence.link)" } == [
                    "order_released_late PO-000001", "data_error ledger:4", "override override:P1@DC1/safety_stock@2026-11-07",
                    "supplier_late PO-000001",
                ])

            // Causes: recorded with evidence on the timeline; evidence elsewhere is refused.
            let cause = try await store.recordCause(
                postmortemID: "PM-000001", category: .supplierLate, text: "S1 delivered 4 days late", evidence: "PO-000001",
                by: pia, key: "k-cause")
            #expect(cause.value.number == 1 && cause.value.evidence == "PO-000001")
            let badEvidence = await expectStorageError(.invalidPostmortem) {
                _ = try await store.recordCause(
                    postmortemID: "PM-000001", category: .other, text: "x", evidence: "ledger:1", by: pia)
            }
            #expect(
                badEvidence?.message
                    == "evidence: 'ledger:1' is not an event of the timeline of post-mortem PM-000001 — expected the link of one (procura postmortem show PM-000001)"
            )

            // Actions: an owner who may not own one is refused; overdue once the due date passed.
            let due = try #require(Day(year: 2026, month: 11, day: 19))
            let supplierOwner = await expectWorkflowError(.notPermitted) {
                _ = try await store.addAction(
                    TrackedActionRequest(
                        subjectKind: .postmortem, subjectID: "PM-000001", title: "t", owner: "supa", dueDate: due),
                    by: pia)
            }
            #expect(
                supplierOwner?.message
                    == "owner 'supa' has role supplier and may not own actions — the owner is a user who sees planning data (not a supplier user)"
            )
            let first = try await store.addAction(
                TrackedActionRequest(
                    subjectKind: .postmortem, subjectID: "PM-000001", title: "Agree a safety lead time with S1", owner: "bo",
                    dueDate: due), by: pia, key: "k-act")
            #expect(first.value.actionID == "ACT-000001" && first.value.overdue, "due 11-19, today 11-20")
            let second = try await store.addAction(
                TrackedActionRequest(
                    subjectKind: .postmortem, subjectID: "PM-000001", title: "Release on the planned date", owner: "pia",
                    dueDate: try #require(Day(year: 2026, month: 12, day: 1))), by: pia)
            #expect(!second.value.overdue)
            #expect(try await store.actions(owner: "bo", state: .open).map(\.actionID) == ["ACT-000001"])

            // Closing is refused while an action is open; nothing changes.
            let audit = try await store.auditLog(limit: 1_000).count
            try await store.closeAction("ACT-000001", .done, comment: "agreed 5 days", by: bo)
            let stillOpen = await expectWorkflowError(.invalidTransition) {
                try await store.closePostmortem("PM-000001", by: pia)
            }
            #expect(
                stillOpen?.message
                    == "post-mortem PM-000001 has 1 open action (ACT-000002) — close each as done or cancelled first")
            #expect(try await store.postmortems().first?.state == .open)
            #expect(try await store.auditLog(limit: 1_000).count == audit + 1, "only the action's close is audited")
            await expectWorkflowError(.notPermitted) { try await store.closeAction("ACT-000002", .done, by: bo) }
            await expectWorkflowError(.reasonRequired) { try await store.closeAction("ACT-000002", .cancel, by: pia) }
            await expectWorkflowError(.invalidTransition) {
                try await store.closeAction("ACT-000001", .cancel, comment: "x", by: pia)
            }
            try await store.closeAction("ACT-000002", .cancel, comment: "covered by the new release rule", by: pia)
            let closed = try await store.closePostmortem("PM-000001", by: pia)
            #expect(closed.state == .closed && closed.closedBy == "pia")
            detail = try await store.postmortem("PM-000001")
            #expect(
                detail.actions.map { "\($0.actionID) \($0.state.rawValue) \($0.closedBy) \($0.comment) \($0.overdue)" } == [
                    "ACT-000001 done bo agreed 5 days false", "ACT-000002 cancelled pia covered by the new release rule false",
                ])
            await expectWorkflowError(.invalidTransition) {
                _ = try await store.addAction(
                    TrackedActionRequest(
                        subjectKind: .postmortem, subjectID: "PM-000001", title: "late", owner: "bo", dueDate: due),
                    by: pia)
            }
            let trail = try await store.auditLog(limit: 20, subjectPrefix: "postmortem:PM-000001").map(\.action)
            #expect(trail == ["postmortem.close", "postmortem.cause", "postmortem.open"])
            #expect(
                try await store.auditLog(limit: 20, subjectPrefix: "action:").map(\.action) == [
                    "action.cancel", "action.done", "action.add", "action.add",
                ])
        }
    ]
}
