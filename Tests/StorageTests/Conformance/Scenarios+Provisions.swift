import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing
import Workflow

@testable import Storage

/// Issue 16 item 3 on both databases: the monthly provision run — draft, re-run, finance approval
/// with segregation of duties, immutability, the change against the last approved month, and the
/// audit log of each decision.
extension StorageScenario {
    /// OLD: 100 units at 3 received 2024-01-01, no demand for two years (obsolete: 300.00 written
    /// off); STEADY: 200 at 3 received 2026-10-01 against 10 a week (no provision).
    static func provisionSnapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        for id in ["OLD", "STEADY"] {
            b.item(id, cost: 3)
            b.source(id, at: "DC", from: "S1", leadTime: 7)
        }
        b.demand("OLD", at: "DC", [Double](repeating: 5, count: 52) + [Double](repeating: 0, count: 104))
        b.demand("STEADY", at: "DC", [Double](repeating: 10, count: 156))
        b.inventory = [
            InventoryLot(
                item: 0, location: 0, onHand: 100, ownership: .owned, receivedDate: Day(iso: "2024-01-01"), lotID: "L-OLD",
                unitCost: 3),
            InventoryLot(
                item: 1, location: 0, onHand: 200, ownership: .owned, receivedDate: Day(iso: "2026-10-01"), lotID: "L-STEADY",
                unitCost: 3),
        ]
        return b.build()
    }

    static let provisions: [StorageScenario] = [
        StorageScenario(
            name:
                "a provision run: draft, re-run, approved by finance only and not by who ran it, then final; the change against the last approved month; each step in the audit log"
        ) { store in
            _ = try await store.importSnapshot(provisionSnapshot())
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let fin = Authorization.Principal(userID: "fin", role: .finance)
            let fay = Authorization.Principal(userID: "fay", role: .finance)
            let bo = Authorization.Principal(userID: "bo", role: .buyer)

            await #expect(throws: WorkflowError.self) { try await store.runProvisions(month: "2026-10", by: bo) }
            let draft = try await store.runProvisions(month: "2026-10", by: pia)
            #expect(draft.runID == "PR-2026-10" && draft.state == .draft && draft.version == 1 && draft.previousRunID == nil)
            #expect(draft.lines.map(\.itemID) == ["OLD"])
            #expect(draft.lines.first?.provisionCents == 30_000 && draft.lines.first?.basis == "obsolete")
            #expect(draft.totalCents == 30_000 && draft.account == "inventory_provision")
            #expect(try await store.provisionRun("PR-2026-10") == draft, "stored as computed")

            // Finance only; never the one who ran it.
            do {
                _ = try await store.approveProvisionRun("PR-2026-10", by: pia)
                Issue.record("a planner approved")
            } catch let error as WorkflowError {
                #expect(error.code == .notPermitted)
                #expect(error.message == "pia (planner) may not approve provision run PR-2026-10 — only finance may")
            }
            let rerun = try await store.runProvisions(month: "2026-10", by: fin)
            #expect(rerun.version == 2 && rerun.createdBy == "fin")
            do {
                _ = try await store.approveProvisionRun("PR-2026-10", by: fin)
                Issue.record("finance approved its own run")
            } catch let error as WorkflowError {
                #expect(error.code == .segregationOfDuties)
                #expect(error.message == "fin ran provision run PR-2026-10 and may not approve it — another finance user must")
            }
            #expect(try await store.provisionRun("PR-2026-10").state == .draft, "nothing changed")
            let approved = try await store.approveProvisionRun("PR-2026-10", by: fay)
            #expect(approved.state == .approved && approved.approvedBy == "fay" && approved.totalCents == 30_000)

            // Final: not approved again, not run again, nothing changed.
            do {
                _ = try await store.runProvisions(month: "2026-10", by: pia)
                Issue.record("an approved month was run again")
            } catch let error as WorkflowError {
                #expect(
                    error.code == .invalidTransition
                        && error.message.hasPrefix("provision run PR-2026-10 was approved by fay at "))
            }
            await #expect(throws: WorkflowError.self) { try await store.approveProvisionRun("PR-2026-10", by: fin) }
            #expect(try await store.provisionRun("PR-2026-10") == approved)
            await #expect(throws: StorageError.self) { try await store.approveProvisionRun("PR-1999-01", by: fin) }

            // The next month compares with the approved one; an earlier month is refused.
            let next = try await store.runProvisions(month: "2026-11", by: pia)
            #expect(next.previousRunID == "PR-2026-10" && next.lines.first?.previousCents == 30_000 && next.changeCents == 0)
            do {
                _ = try await store.runProvisions(month: "2026-09", by: pia)
                Issue.record("a month before the latest approved one was run")
            } catch let error as WorkflowError {
                #expect(
                    error.message
                        == "2026-09 is before the latest approved month 2026-10 (PR-2026-10) — run 2026-10 or a later month")
            }
            await #expect(throws: PolicyError.self) { try await store.runProvisions(month: "2026-1", by: pia) }

            let runs = try await store.provisionRuns()
            #expect(runs.map(\.run.runID) == ["PR-2026-11", "PR-2026-10"])
            #expect(runs.map(\.totalCents) == [30_000, 30_000] && runs.map(\.lineCount) == [1, 1])
            let audit = try await store.auditLog(actionPrefix: "provision.")
            #expect(
                audit.reversed().map { "\($0.actor) \($0.action) \($0.subject)" } == [
                    "pia provision.run provision_run:PR-2026-10", "fin provision.run provision_run:PR-2026-10",
                    "fay provision.approve provision_run:PR-2026-10", "pia provision.run provision_run:PR-2026-11",
                ])
            #expect(audit.last?.detail == "draft: 1 item-locations, provision 300.00, change 300.00")
        }
    ]
}
