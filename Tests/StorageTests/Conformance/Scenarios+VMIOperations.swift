import Foundation
import InventoryCore
import Planning
import Testing
import Workflow

@testable import Storage

/// A month of VMI operations (docs/vmi.md, "Operations"), on both databases: the supplier posts
/// its replenishments (by API body and by CSV, idempotent), the KPIs of the month and of its review
/// periods come out by number with exactly one breach, and the liability statement and the
/// consignment usage report reconcile to the ledger to the cent. A supplier user sees only its own.
extension StorageScenario {
    static let vmiMonth = Day(year: 2026, month: 12, day: 1)!

    /// The fixture plus S1 supplying P1 at DC2, a stock count on 2026-11-30 of two S1 VMI lots of
    /// P1 at DC2 (one expiring within the notice period, one never consumed), and two agreements.
    static func vmiOperationsSnapshot() -> Snapshot {
        var s = StorageFixture.snapshot()
        var dc2 = s.sourcing[0]
        dc2.location = 1
        s.sourcing.append(dc2)
        s.stockCountDate = Day(year: 2026, month: 11, day: 30)!
        s.countedStock = [
            InventoryLot(
                item: 0, location: 1, onHand: 8, ownership: .vmi, supplier: 0, lotID: "OLD-1", unitCost: 2.5,
                expiryDate: Day(year: 2027, month: 1, day: 20)!),
            InventoryLot(item: 0, location: 1, onHand: 3, ownership: .vmi, supplier: 0, lotID: "OLD-2", unitCost: 2.4567),
        ]
        var dc1 = vmiTerms()
        dc1.validFrom = vmiMonth
        dc1.targetInBandShare = 0.8
        var other = vmiTerms("VMI-2")
        other.locationID = "DC2"
        other.validFrom = vmiMonth
        s.vmiAgreements = [dc1, other]
        return s
    }

    static let vmiOperations: [StorageScenario] = [
        StorageScenario(
            name: "VMI operations: a month of replenishments, KPIs with one breach, the statement and usage reconcile"
        ) { store in
            _ = try await store.importSnapshot(vmiOperationsSnapshot())
            for (id, role, supplier) in [
                ("ops", "operations", nil), ("vic", "viewer", nil), ("supa", "supplier", "S1"), ("supb", "supplier", "S2"),
            ] {
                try await store.createUser(UserRecord(userID: id, role: role, supplierID: supplier), actor: "cli")
            }
            let supa = Authorization.Principal(userID: "supa", role: .supplier, supplierID: "S1")
            let supb = Authorization.Principal(userID: "supb", role: .supplier, supplierID: "S2")
            let vic = Authorization.Principal(userID: "vic", role: .viewer)
            let today = Day(year: 2026, month: 12, day: 31)!
            func day(_ d: Int) -> Day { vmiMonth.adding(days: d - 1) }

            // The supplier's replenishments: two by the API body, three by CSV (re-uploaded: nothing new).
            let first = try await store.vmiReplenish(
                [VMIReplenishment(replenishmentID: "R1", agreementID: "VMI-1", date: day(1), quantity: 30)], today: today,
                by: supa)
            #expect(first.map(\.key) == ["vmi:S1:R1"] && first.first?.type == .vmiReceipt && first.first?.replayed == false)
            let replay = try await store.vmiReplenish(
                [VMIReplenishment(replenishmentID: "R1", agreementID: "VMI-1", date: day(1), quantity: 30)], today: today,
                by: supa)
            #expect(replay.first?.replayed == true && replay.first?.entryID == first.first?.entryID)
            let changed = await expectStorageError(.idempotencyConflict) {
                _ = try await store.vmiReplenish(
                    [VMIReplenishment(replenishmentID: "R1", agreementID: "VMI-1", date: day(1), quantity: 31)], today: today,
                    by: supa)
            }
            #expect(
                changed?.message
                    == "replenishment_id 'R1' was posted before with other values — a replenishment id is posted once; use a new id for a new replenishment"
            )
            _ = try await store.vmiReplenish(
                [VMIReplenishment(replenishmentID: "R2", agreementID: "VMI-1", date: day(8), quantity: 20)], today: today,
                by: supa)
            let csv = """
                replenishment_id,agreement_id,date,quantity,lot_id
                R3,VMI-1,2026-12-15,20,
                R4,VMI-1,2026-12-24,20,
                R5,VMI-1,2026-12-27,20,LOT-R5

                """
            #expect(try await store.vmiReplenish(csv: csv, today: today, by: supa).filter(\.replayed).isEmpty)
            #expect(try await store.vmiReplenish(csv: csv, today: today, by: supa).allSatisfy(\.replayed))
            let counts = try await tableCounts(store, ["ledger_entries"])
            let edited = await expectStorageError(.idempotencyConflict) {
                _ = try await store.vmiReplenish(
                    csv: csv.replacingOccurrences(of: "R4,VMI-1,2026-12-24,20", with: "R4,VMI-1,2026-12-24,25"), today: today,
                    by: supa)
            }
            #expect(edited?.message.hasPrefix("line 3: replenishment_id 'R4' was posted before with other values") == true)
            let badQuantity = await expectStorageError(.invalidImport) {
                _ = try await store.vmiReplenish(
                    csv: "replenishment_id,agreement_id,date,quantity\nR9,VMI-1,2026-12-30,-2\n", today: today, by: supa)
            }
            #expect(
                badQuantity?.message
                    == "replenishments.csv:2:4: quantity '-2' — expected a number above 0 and at most 10^9 (base units)")
            let foreign = await expectStorageError(.unknownVMIAgreement) {
                _ = try await store.vmiReplenish(
                    [VMIReplenishment(replenishmentID: "X1", agreementID: "VMI-1", date: day(2), quantity: 1)], today: today,
                    by: supb)
            }
            #expect(foreign?.message == "there is no active VMI agreement VMI-1 — list them with procura vmi agreements")
            let viewer = await expectWorkflowError(.notPermitted) {
                _ = try await store.vmiReplenish(
                    [VMIReplenishment(replenishmentID: "X2", agreementID: "VMI-1", date: day(2), quantity: 1)], today: today,
                    by: vic)
            }
            #expect(
                viewer?.message
                    == "vic (role viewer) may not post VMI replenishments — the agreement's supplier and users who post to the ledger may"
            )
            #expect(try await tableCounts(store, ["ledger_entries"]) == counts)

            // We consume 3 of the VMI stock every day of December.
            _ = try await store.post(
                (1...31).map {
                    PostingRequest(
                        key: "use-\($0)", date: day($0), type: .consumption, itemID: "P1", locationID: "DC1", quantity: 3,
                        supplierID: "S1", owner: .vmi)
                }, today: today)

            // KPIs: on hand 27, 24, …, 9 (out of the band 10–40) on the 7th, 14th, 21st, 22nd and 23rd.
            let kpis = try await store.vmiKPIs(visibleTo: supa, month: "2026-12")
            let month = try #require(kpis.first { $0.agreementId == "VMI-1" && $0.periodKind == "month" })
            #expect(month.days == 31 && month.daysInBand == 26 && month.stockoutDays == 0)
            #expect(month.demandServed == 93 && month.demandLost == 0 && month.fillRate == 1)
            #expect(month.replenishments == 5 && month.onTimeReplenishments == 4 && month.onTimeShare == 0.8)
            #expect(month.breaches == ["on_time_share"], "exactly one breach: R4 came 9 days after R3 (review days 7)")
            let reviews = kpis.filter { $0.agreementId == "VMI-1" && $0.periodKind == "review" }
            #expect(reviews.map(\.firstDay) == ["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22"])
            #expect(reviews.map(\.daysInBand) == [6, 6, 6, 5])
            #expect(reviews.map(\.breaches) == [[], [], [], ["in_band_share", "on_time_share"]])
            let idle = try #require(kpis.first { $0.agreementId == "VMI-2" && $0.periodKind == "month" })
            #expect(idle.daysInBand == 31 && idle.demandServed == 0 && idle.fillRate == nil && idle.breaches.isEmpty)

            // The liability statement: OLD-1 expires within the 60 days' notice (the supplier carries
            // it all), OLD-2 was never consumed (slow-moving: bought back half, half a cent rounded up).
            let statements = try await store.vmiStatements(visibleTo: supa, month: "2026-12")
            let statement = try #require(statements.first)
            #expect(statements.count == 1 && statement.supplierId == "S1" && statement.asOf == "2026-12-31")
            #expect(statement.lines.map(\.lotId) == ["OLD-1", "OLD-2"])
            #expect(statement.lines.map(\.reason) == ["near_expiry", "slow_moving"])
            #expect(statement.lines.map(\.valueCents) == [2000, 737])
            #expect(statement.lines.map(\.supplierCents) == [2000, 369])
            #expect(statement.lines.map(\.customerCents) == [0, 368])
            #expect(statement.valueCents == 2737 && statement.supplierCents == 2369 && statement.customerCents == 368)
            // Reconciles to the ledger: the lots' value at DC2 at the month's end, to the cent.
            let snapshot = try await store.loadSnapshot()
            let ledger = try snapshot.stockHistory(from: today, to: today, itemID: "P1", locationID: "DC2").days
                .reduce(Int64(0)) { $0 + $1.value }
            #expect(ledger == 273_701 && (ledger + 50) / 100 == statement.valueCents)

            // The usage report reconciles: 31 lines, 93 units, 93 × 2 = 186.00; 110 − 93 = 17 on hand.
            let usage = try await store.consignmentUsage(supplierID: "S1", from: vmiMonth, to: today)
            #expect(usage.count == 31 && usage.reduce(0) { $0 + $1.quantity } == StorageFixture.q(93))
            #expect(usage.reduce(0) { $0 + $1.amount } == 1_860_000)
            #expect(try await store.onHand("P1", "DC1", owner: .vmi, supplier: "S1") == StorageFixture.q(17))

            // The supplier's view and the isolation: S2 sees nothing of S1.
            let items = try await store.vmiItems(visibleTo: supa, asOf: Day(year: 2027, month: 1, day: 1)!)
            #expect(items.map(\.agreementId) == ["VMI-1", "VMI-2"])
            #expect(
                items.first?.onHandSupplier == 17 && items.first?.onHandOurs == 0
                    && items.first?.lastReplenishment == "2026-12-27")
            #expect(items.first?.consumption.map(\.units) == [21, 21, 21, 21])
            #expect(try await store.vmiItems(visibleTo: supb).isEmpty)
            #expect(try await store.vmiKPIs(visibleTo: supb, month: "2026-12").isEmpty)
            #expect(try await store.vmiStatements(visibleTo: supb, month: "2026-12").isEmpty)
            await expectStorageError(.unknownVMIAgreement) { _ = try await store.vmiItems(visibleTo: supb, agreementID: "VMI-1") }
            await expectStorageError(.unknownVMIAgreement) {
                _ = try await store.vmiStatements(visibleTo: supb, month: "2026-12", supplierID: "S1")
            }
        }
    ]
}
