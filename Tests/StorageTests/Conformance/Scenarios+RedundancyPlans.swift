import InventoryCore
import Testing
import Workflow

@testable import Planning
@testable import Storage

/// Redundancy plans of vital item-locations (docs/risk.md, "Redundancy plans"), on both
/// databases: created and replaced with versions, refused with the field named and nothing stored,
/// only planners and admins change them, every change audited, the report's alerts follow the owners.
extension StorageScenario {
    static let redundancyPlans: [StorageScenario] = [
        StorageScenario(name: "redundancy plans: versions, refusals store nothing, roles, audit, owners") { store in
            var snapshot = StorageFixture.snapshot()
            snapshot.items[0].criticality = .vital
            _ = try await store.importSnapshot(snapshot)
            try await store.createUser(UserRecord(userID: "pia", role: "planner"), actor: "cli")
            try await store.createUser(UserRecord(userID: "olga", role: "operations"), actor: "cli")
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let review = Day(iso: "2027-03-31")!
            let plan = RedundancyPlan(
                itemId: "P1", locationId: "DC1", owner: "olga", reviewDate: review, substituteItemId: "P2", agreedBuffer: 400,
                qualifyingUntil: Day(iso: "2027-02-28")!, notes: "second supplier in audit")

            let created = try await store.saveRedundancyPlan(plan, replacing: nil, by: pia)
            #expect(created.created && created.plan.version == 1 && created.plan.updatedBy == "pia")
            #expect(!created.plan.updatedAt.isEmpty)
            var stored = try await store.redundancyPlans()
            #expect(stored.count == 1)
            #expect(stored.first?.agreedBuffer == 400 && stored.first?.substituteItemId == "P2")
            #expect(stored.first?.qualifyingUntil == Day(iso: "2027-02-28") && stored.first?.reviewDate == review)
            #expect(stored.first?.notes == "second supplier in audit" && stored.first?.owner == "olga")

            // Replaced: without a version whatever is stored, with the stored version; optional fields cleared.
            var next = plan
            next.substituteItemId = nil
            next.agreedBuffer = nil
            next.qualifyingUntil = nil
            let replaced = try await store.saveRedundancyPlan(next, replacing: 1, by: pia)
            #expect(!replaced.created && replaced.plan.version == 2)
            stored = try await store.redundancyPlans()
            #expect(stored.first?.agreedBuffer == nil && stored.first?.substituteItemId == nil)
            #expect(stored.first?.qualifyingUntil == nil && stored.first?.version == 2)

            // Refusals, word for word; nothing stored, nothing audited.
            let counts = try await tableCounts(store, ["redundancy_plans", "audit_log"])
            func refused(
                _ code: StorageError.Code, _ p: RedundancyPlan, _ version: Int? = nil, by who: Authorization.Principal = pia
            )
                async -> String?
            {
                await expectStorageError(code) { _ = try await store.saveRedundancyPlan(p, replacing: version, by: who) }?.message
            }
            #expect(
                await refused(.concurrentChange, plan, 1)
                    == "the redundancy plan for P1 at DC1 is at version 2, not 1 — it was changed since you loaded it; load it again"
            )
            var p = plan
            p.itemId = "P2"
            p.substituteItemId = nil
            #expect(
                await refused(.invalidRedundancyPlan, p)
                    == "item_id: item 'P2' has criticality E — redundancy plans are kept for vital (V) items")
            p.itemId = "NOPE"
            #expect(
                await refused(.invalidRedundancyPlan, p) == "item_id: item 'NOPE' is not in the database — expected a vital item")
            p = plan
            p.locationId = "DC9"
            #expect(
                await refused(.unknownLocation, p) == "location 'DC9' is not in the database — import it first (locations.csv)")
            p = plan
            p.substituteItemId = "GHOST"
            #expect(
                await refused(.invalidRedundancyPlan, p)
                    == "substitute_item_id: item 'GHOST' is not in the database — expected an item id")
            p = plan
            p.owner = "nobody"
            #expect(
                await refused(.invalidRedundancyPlan, p)
                    == "owner: 'nobody' is not a user — expected the user name of an active user")
            p = plan
            p.agreedBuffer = -5
            #expect(
                await refused(.invalidRedundancyPlan, p) == "buffer: expected a quantity from 0 to 10^12 units, got -5.0")
            p = plan
            p.locationId = "DC2"
            #expect(
                await refused(.concurrentChange, p, 3)
                    == "there is no redundancy plan for P1 at DC2 to replace (version 3) — it was deleted; save it without a version to create it"
            )
            do {
                _ = try await store.saveRedundancyPlan(plan, replacing: nil, by: .init(userID: "olga", role: .operations))
                Issue.record("operations may not change plans")
            } catch let error as WorkflowError {
                #expect(
                    error.message == "olga (role operations) may not change redundancy plans — planners and admins may")
            }
            #expect(try await tableCounts(store, ["redundancy_plans", "audit_log"]) == counts)

            // The report: the owner disabled later is an alert; an overdue review too.
            _ = try await store.setUserActive(false, userID: "olga", actor: "cli")
            p = plan
            p.owner = "olga"
            #expect(
                await refused(.invalidRedundancyPlan, p) == "owner: user 'olga' is disabled — expected an active user")
            let risk = SupplyRiskDocument(
                asOf: "2026-11-02", settings: RiskSettings(), plannedItemLocations: 2,
                lines: [
                    SupplyRiskDocument.Line(
                        itemId: "P1", locationId: "DC1", category: "", criticality: "V", class: "A", suppliers: ["S1"],
                        supplierSegment: "strategic", supplyRisk: "high", singleSource: true, leadTimeDays: 10, dailyDemand: 1,
                        averageInventory: 5, onHand: 5, serviceLevel: 0.95, timeToSurviveDays: 5, timeToRecoverDays: 66,
                        exposed: true, shortfall: 61, valueAtRisk: 152.5, bufferToSurvive: 80, extraBuffer: 75,
                        extraBufferValue: 187.5, extraBufferHoldingCost: 46.9, recommendation: "buffer", substituteItemId: nil)
                ])
            let report = try await store.redundancyPlanReport(risk: risk, today: Day(iso: "2027-04-01")!)
            #expect(report.lines.first?.alerts == ["review_overdue", "owner_disabled"])
            #expect(report.lines.first?.recommendedBuffer == 75 && report.lines.first?.version == 2)

            // Deleted; a second delete is refused. Every change audited, before and after.
            let deleted = try await store.deleteRedundancyPlan(itemID: "P1", locationID: "DC1", by: pia)
            #expect(deleted.version == 2)
            let again = await expectStorageError(.unknownRedundancyPlan) {
                _ = try await store.deleteRedundancyPlan(itemID: "P1", locationID: "DC1", by: pia)
            }
            #expect(again?.message == "there is no redundancy plan for P1 at DC1 — list them with procura risk plans")
            #expect(try await store.redundancyPlans().isEmpty)
            let audit = try await store.auditLog(actionPrefix: "redundancy_plan.")
            #expect(audit.map(\.action) == ["redundancy_plan.delete", "redundancy_plan.replace", "redundancy_plan.create"])
            #expect(audit.allSatisfy { $0.subject == "redundancy_plan:P1@DC1" && $0.actor == "pia" })
            #expect(audit[2].before.isEmpty && audit[2].after.contains("\"agreed_buffer\":400"))
            #expect(audit[1].before.contains("\"version\":1") && audit[1].after.contains("\"agreed_buffer\":null"))
            #expect(audit[0].after.isEmpty && audit[0].detail == "deleted at version 2")
        }
    ]
}
