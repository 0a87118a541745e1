import InventoryCore
import Planning
import ProcuraTestSupport
import SQLKit
import Testing
import Workflow

@testable import Storage

/// Issue 17 item 5 on both databases: a change set merging WEST into DC is previewed (nothing
/// posted), approved by another person, applied in one transaction (transfers through the ledger
/// rules, WEST closed, its demand re-mapped), replayed without effect, and reversed (everything
/// back, the ledger verified); a failed apply leaves nothing partial; the author may not approve.
extension StorageScenario {
    /// P1 (cost 2) and P2 (cost 10) at DC and WEST; P1 sourced at DC only, P2 at WEST only.
    static func changeSetSnapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.location("WEST")
        b.supplier("S1")
        b.item("P1", cost: 2)
        b.item("P2", cost: 10)
        b.source("P1", at: "DC", from: "S1", leadTime: 14)
        b.source("P2", at: "WEST", from: "S1", leadTime: 21)
        b.demand("P1", at: "DC", [10, 12, 8, 11, 9, 10, 12, 8])
        b.demand("P1", at: "WEST", [5, 4, 6, 5, 5, 6, 4, 5])
        b.demand("P2", at: "WEST", [2, 3, 1, 2, 2, 3, 2, 1])
        b.stock("P1", at: "DC", 50)
        b.stock("P1", at: "WEST", 30)
        b.stock("P2", at: "WEST", 7)
        return b.build()
    }

    /// What WEST merged into DC must plan like: the same data with WEST's demand added to DC's and
    /// P2's sourcing at DC — a second, independent way to the preview's "after" policies.
    static func mergedSnapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.location("WEST")
        b.supplier("S1")
        b.item("P1", cost: 2)
        b.item("P2", cost: 10)
        b.source("P1", at: "DC", from: "S1", leadTime: 14)
        b.source("P2", at: "DC", from: "S1", leadTime: 21)
        b.demand("P1", at: "DC", [15, 16, 14, 16, 14, 16, 16, 13])
        b.demand("P2", at: "DC", [2, 3, 1, 2, 2, 3, 2, 1])
        b.stock("P1", at: "DC", 80)
        b.stock("P2", at: "DC", 7)
        return b.build()
    }

    static let changeSets: [StorageScenario] = [
        StorageScenario(
            name:
                "a change set merging two locations: previewed (nothing posted), four eyes, applied all or nothing, replayed without effect, reversed to the ledger before"
        ) { store in
            _ = try await store.importSnapshot(changeSetSnapshot())
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let ann = Authorization.Principal(userID: "ann", role: .approver)
            let q = StorageFixture.q
            let entriesBefore = try await store.ledgerEntryCount()

            // Create: the locations checked, by message.
            await #expect(throws: StorageError.self) {
                try await store.createChangeSet(
                    ChangeSetRequest(kind: .mergeLocations, locationID: "WEST", intoLocationID: "WEST"), by: pia)
            }
            let bad = await expectStorageError(.unknownLocation) {
                _ = try await store.createChangeSet(
                    ChangeSetRequest(kind: .mergeLocations, locationID: "EAST", intoLocationID: "DC"), by: pia)
            }
            #expect(bad?.message == "location_id 'EAST' — expected a location of the data set")
            let created = try await store.createChangeSet(
                ChangeSetRequest(kind: .mergeLocations, locationID: "WEST", intoLocationID: "DC", note: "site consolidation"),
                by: pia, key: "create-1")
            #expect(created.changeSet.changeSetID == "CS-000001" && created.changeSet.state == .draft)
            let again = try await store.createChangeSet(
                ChangeSetRequest(kind: .mergeLocations, locationID: "WEST", intoLocationID: "DC", note: "site consolidation"),
                by: pia, key: "create-1")
            #expect(again.replayed)
            #expect(try await store.changeSets().count == 1, "the same key creates once")

            // Preview: per item-location before/after, nothing posted.
            let previewed = try await store.decideChangeSet("CS-000001", .preview, by: pia).changeSet
            #expect(previewed.state == .previewed && previewed.previewedBy == "pia")
            let preview = try #require(previewed.preview)
            #expect(preview.lines.map { "\($0.itemID)@\($0.locationID)" } == ["P1@WEST", "P1@DC", "P2@WEST", "P2@DC"])
            #expect(preview.lines.map(\.before.onHand) == [30, 50, 7, 0])
            #expect(preview.lines.map(\.after.onHand) == [0, 80, 0, 7])
            #expect(preview.lines.map(\.after.inventoryValue) == [0, 160, 0, 70])
            #expect(preview.totals.inventoryValueBefore == 230 && preview.totals.inventoryValueAfter == 230)
            #expect(preview.totals.transfers == 2 && preview.totals.lines == 4)
            #expect(preview.lines[0].after.safetyStock == nil && preview.lines[2].after.safetyStock == nil, "WEST not planned")
            #expect(preview.lines[3].before.safetyStock == nil, "P2 was not planned at DC before")
            // The "after" policies are those of the merged data planned directly.
            let merged = await PlanRun.run(snapshot: mergedSnapshot())
            let direct = merged.rows.map(\.policy.final.safetyStock)
            #expect(
                [preview.lines[1].after.safetyStock, preview.lines[3].after.safetyStock].map { $0 ?? -1 } == direct,
                "preview after = plan of the merged data")
            #expect(try await store.ledgerEntryCount() == entriesBefore, "the preview posts nothing")
            #expect(try await store.position("P1", "WEST").onHand == q(30))

            // Four eyes.
            do {
                _ = try await store.decideChangeSet(
                    "CS-000001", .approve, by: Authorization.Principal(userID: "pia", role: .admin))
                Issue.record("the author approved")
            } catch let error as WorkflowError {
                #expect(
                    error.message == "pia created change set CS-000001 and may not approve it — another approver must (four eyes)"
                )
            }
            _ = try await store.decideChangeSet("CS-000001", .approve, by: ann)

            // A failed apply leaves nothing partial: 5 of P2 allocated at WEST cannot be moved.
            _ = try await store.post(StorageFixture.request("alloc-1", .allocation, 5, item: "P2", at: "WEST"))
            let refused = await expectStorageError(.invalidChangeSet) {
                _ = try await store.decideChangeSet("CS-000001", .apply, by: pia, key: "apply-1")
            }
            #expect(
                refused?.message
                    == "change set CS-000001: 5 of P2 at WEST are allocated — release the allocation before moving the location's stock"
            )
            #expect(try await store.changeSet("CS-000001").state == .approved)
            #expect(try await store.position("P1", "WEST").onHand == q(30))
            #expect(try await store.position("P1", "DC").onHand == q(50))
            #expect(try await store.ledgerEntryCount() == entriesBefore + 1, "only the allocation")
            #expect(try await store.loadSnapshot().demand.series.count == 3, "WEST still planned")
            _ = try await store.post(StorageFixture.request("alloc-1-r", .allocationRelease, 5, item: "P2", at: "WEST"))

            // Apply: on hand at DC = DC + WEST before; WEST empty and closed; demand re-mapped.
            let applied = try await store.decideChangeSet("CS-000001", .apply, by: pia, key: "apply-2")
            #expect(applied.changeSet.state == .applied && applied.changeSet.appliedBy == "pia")
            #expect(applied.changeSet.entryKeys == ["CS-000001:1:out", "CS-000001:1:in", "CS-000001:2:out", "CS-000001:2:in"])
            #expect(applied.changeSet.appliedPlanRun == 1)
            #expect(try await store.position("P1", "DC").onHand == q(80))
            #expect(try await store.position("P1", "WEST").onHand == 0)
            #expect(try await store.position("P2", "DC").onHand == q(7))
            #expect(try await store.position("P2", "WEST").onHand == 0)
            #expect(try await store.position("P1", "DC").inTransit == 0)
            let after = try await store.loadSnapshot()
            #expect(after.demand.series.map { after.locations[Int($0.location)].id } == ["DC", "DC"])
            let p1 = try #require(after.demand.row(of: ItemLocation(item: 0, location: 0)))
            #expect(Array(after.demand.quantities(row: p1)) == [15, 16, 14, 16, 14, 16, 16, 13])
            #expect(after.sourcing.map { "\($0.item)@\(after.locations[Int($0.location)].id)" } == ["0@DC", "1@DC"])
            await #expect(throws: StorageError.self, "a closed location takes no new change set") {
                try await store.createChangeSet(
                    ChangeSetRequest(kind: .closeLocation, locationID: "DC", intoLocationID: "WEST"), by: pia)
            }

            // Replays: nothing twice.
            let entriesApplied = try await store.ledgerEntryCount()
            #expect(try await store.decideChangeSet("CS-000001", .apply, by: pia, key: "apply-2").replayed)
            await #expect(throws: WorkflowError.self) { try await store.decideChangeSet("CS-000001", .apply, by: pia) }
            #expect(try await store.ledgerEntryCount() == entriesApplied)

            // Reverse: everything back; the ledger verifies.
            let reversed = try await store.decideChangeSet("CS-000001", .reverse, by: pia, key: "reverse-1", replan: false)
            #expect(reversed.changeSet.state == .reversed && reversed.changeSet.reversalKeys.count == 4)
            #expect(reversed.changeSet.reversalKeys.first == "CS-000001:2:in:rev")
            #expect(try await store.decideChangeSet("CS-000001", .reverse, by: pia, key: "reverse-1").replayed)
            #expect(try await store.ledgerEntryCount() == entriesApplied + 4)
            for (item, location, onHand) in [("P1", "DC", 50.0), ("P1", "WEST", 30), ("P2", "WEST", 7), ("P2", "DC", 0)] {
                let position = try await store.position(item, location)
                #expect(position.onHand == q(onHand) && position.inTransit == 0, "\(item) at \(location)")
            }
            // WEST planned again with its own demand; P2 keeps a (zero) position at DC, so it is planned there too.
            let back = try await store.loadSnapshot()
            #expect(
                back.demand.series.map { "\($0.item)@\(back.locations[Int($0.location)].id)" } == [
                    "0@DC", "0@WEST", "1@DC", "1@WEST",
                ])
            let p1Back = try #require(back.demand.row(of: ItemLocation(item: 0, location: 0)))
            #expect(Array(back.demand.quantities(row: p1Back)) == [10, 12, 8, 11, 9, 10, 12, 8])
            let report = try await store.verify()
            #expect(report.isConsistent)
            let audit = try await store.auditLog().filter { $0.subject == "change_set:CS-000001" }.map(\.action)
            #expect(
                Set(audit) == [
                    "changeset.create", "changeset.preview", "changeset.approve", "changeset.apply", "changeset.reverse",
                ])
        }
    ]
}

extension Store {
    /// The number of ledger entries.
    func ledgerEntryCount() async throws -> Int {
        try await backend.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM ledger_entries").first()!.decode(column: "n", as: Int.self)
        }
    }
}
