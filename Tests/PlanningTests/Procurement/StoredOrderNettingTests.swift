import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

/// Stored orders (saved proposals and purchase orders not yet received in full) count as supply in
/// the next netting, by their due date — a hand-checked table (docs/procurement.md, "Stored orders
/// in the next run").
@Suite("Proposals: stored orders netted in the next run")
struct StoredOrderNettingTests {
    /// Item B at L1 from Monday 2026-11-30: 5 on hand, 20 a week forecast, SS 10, Q 40, S1 only
    /// (12 days, MOQ 40).
    static func inputs() -> (Snapshot, [RequirementPolicy]) {
        var b = SnapshotBuilder()
        b.item("B", cost: 5)
        b.location("L1")
        b.supplier("S1")
        b.source("B", at: "L1", from: "S1", leadTime: 12, moq: 40)
        b.stock("B", at: "L1", 5)
        b.demand("B", at: "L1", [Double](repeating: 20, count: 52))
        let snapshot = b.build()
        let rule = snapshot.sourcing[0]
        let source = RequirementSource(
            supplierID: "S1", role: .primary, weight: 1, leadTimeDays: 12, unitsPerPurchaseUnit: 1, purchaseUOM: "EA",
            terms: LotSizeTerms(annualDemand: 1_040, orderCost: 50, holdingCostRate: 0.25, rule: rule, freight: nil))
        let policy = RequirementPolicy(
            item: 0, location: 0, policyType: .sQ, strategy: .reorderPoint, safetyStock: 10, reorderPoint: 250,
            orderQuantity: 40, forecast: [Double](repeating: 20, count: 13), sources: [source])
        return (snapshot, [policy])
    }

    static func stored(_ line: Int, due: String, _ quantity: Double, order: String = "PO-000001") throws -> StoredOrderSupply {
        StoredOrderSupply(
            orderID: order, line: line, itemID: "B", locationID: "L1", state: "released", due: try #require(Day(iso: due)),
            quantity: quantity)
    }

    @Test("run, save, run again: the saved lines are supply and nothing is proposed twice; every number by hand")
    func runSaveRunAgain() throws {
        let (snapshot, policies) = Self.inputs()
        // Week 1 (11-30): P = 5 − 20 = −15 < SS 10 → NR 25, lot max(25, 40) = 40, PAB 25, released 11-18 (12 late).
        // Week 2 (12-07): P = 25 − 20 = 5 → NR 5, lot 40, PAB 45, released 11-25. Week 3: P = 25, no NR.
        // Week 4 (12-21): P = 5 → 40, released 12-09: after the window (the first week).
        let first = try ProcurementRun.run(snapshot: snapshot, policies: policies)
        let lines = first.proposals.flatMap(\.lines)
        #expect(first.proposals.count == 1)
        #expect(lines.map(\.quantity) == [40, 40])
        #expect(lines.map(\.dueDate) == ["2026-11-30", "2026-12-07"])
        #expect(lines.map(\.requirement.netRequirement) == [25, 5])
        let table = try #require(try first.requirements(itemID: "B", locationID: "L1").requirements)
        #expect(table.buckets.prefix(4).map(\.projectedBeforePlanning) == [-15, 5, 25, 5])

        // The two lines saved (any open state): they are scheduled receipts of weeks 1 and 2.
        let saved = [try Self.stored(1, due: "2026-11-30", 40), try Self.stored(2, due: "2026-12-07", 40)]
        let again = try ProcurementRun.run(snapshot: snapshot, policies: policies, storedOrders: saved)
        #expect(again.proposals.isEmpty)
        let row = try again.requirements(itemID: "B", locationID: "L1")
        #expect(row.outcome == .releaseLater)
        #expect(row.storedOrders == saved)
        let netted = try #require(row.requirements)
        // P₁ = 5 + 40 − 20 = 25, P₂ = 25 + 40 − 20 = 45, P₃ = 25, P₄ = 5 → the same week-4 order as before.
        #expect(netted.input.scheduledReceipts.prefix(4) == [40, 40, 0, 0])
        #expect(netted.buckets.prefix(4).map(\.projectedBeforePlanning) == [25, 45, 25, 5])
        #expect(netted.plannedOrders.first?.dueDate.description == "2026-12-21")
    }

    @Test("what is still open counts: a line gone leaves its requirement; a received part is not open any more")
    func openQuantityOnly() throws {
        let (snapshot, policies) = Self.inputs()
        // Line 1 only, 25 of 40 still to come (15 received and counted in stock elsewhere): P₁ = 5 + 25 − 20 = 10 = SS,
        // P₂ = 10 − 20 = −10 → NR 20, lot 40 due 12-07, released 11-25 (late): proposed again.
        let plan = try ProcurementRun.run(
            snapshot: snapshot, policies: policies, storedOrders: [try Self.stored(1, due: "2026-11-30", 25)])
        let lines = plan.proposals.flatMap(\.lines)
        #expect(lines.map(\.quantity) == [40])
        #expect(lines.map(\.dueDate) == ["2026-12-07"])
        #expect(lines.first?.requirement.projectedBeforePlanning == -10)
        #expect(lines.first?.requirement.netRequirement == 20)
        // An order due after the 13-week horizon is listed but not counted.
        let late = try ProcurementRun.run(
            snapshot: snapshot, policies: policies, storedOrders: [try Self.stored(1, due: "2027-06-01", 40)])
        #expect(late.proposals.flatMap(\.lines).map(\.quantity) == [40, 40])
        #expect(try late.requirements(itemID: "B", locationID: "L1").requirements?.input.scheduledReceipts.reduce(0, +) == 0)
    }

    @Test("an order both stored and listed in the ERP's open-order extract counts once (the extract's)")
    func listedOnce() throws {
        var (snapshot, policies) = Self.inputs()
        snapshot.openOrders = [
            OpenOrder(orderID: "PO-000001", item: 0, location: 0, supplier: 0, quantity: 40, dueDate: snapshot.asOf)
        ]
        let saved = [try Self.stored(1, due: "2026-11-30", 40), try Self.stored(1, due: "2026-12-07", 40, order: "PO-000002")]
        let plan = try ProcurementRun.run(snapshot: snapshot, policies: policies, storedOrders: saved)
        let row = try plan.requirements(itemID: "B", locationID: "L1")
        // PO-000001 from the extract (40 in week 1), PO-000002 stored (40 in week 2): 40 each, not 80 in week 1.
        #expect(row.requirements?.input.scheduledReceipts.prefix(2) == [40, 40])
        #expect(row.storedOrders.map(\.orderID) == ["PO-000002"])
        #expect(plan.proposals.isEmpty)
    }
}
