import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Inventory KPIs")
struct InventoryKPIsTests {
    @Test(
        "inventory_kpis.json: turnover, annualised turnover, days on hand, fill rate and stock-out frequency from the case's sums"
    )
    func formulasAgainstReference() throws {
        let file = try ReferenceFile("inventory_kpis.json")
        let tolerance = file.tolerance
        #expect(file.cases.count == 11)
        for c in file.cases {
            let e = c["expected"]
            let id = c["id"].string ?? "?"
            let cogs = try #require(e["cogs"].double)
            let value = try #require(e["average_inventory_value"].double)
            let days = try #require(e["days_in_period"].int)
            func check(_ actual: Double?, _ key: String) {
                let expected = e[key].double ?? .nan
                if expected.isNaN {
                    #expect(actual == nil, "\(id) \(key): expected null, got \(String(describing: actual))")
                } else {
                    #expect(
                        actual.map { tolerance.accepts($0, expected) } == true,
                        "\(id) \(key): \(String(describing: actual)) vs \(expected)")
                }
            }
            check(KPIFormulas.turnover(costOfGoodsIssued: cogs, averageInventoryValue: value), "inventory_turnover")
            check(
                KPIFormulas.annualisedTurnover(costOfGoodsIssued: cogs, averageInventoryValue: value, days: days),
                "inventory_turnover_annualized")
            check(KPIFormulas.daysOnHand(costOfGoodsIssued: cogs, averageInventoryValue: value, days: days), "days_on_hand")
            check(
                KPIFormulas.fillRate(
                    issued: try #require(e["units_issued"].double), demanded: try #require(e["units_demanded"].double)),
                "fill_rate")
            check(
                KPIFormulas.stockoutFrequency(stockoutDays: try #require(e["stockout_days"].int), days: days),
                "stockout_frequency")
        }
    }

    /// A at L1: 10 a week for 52 weeks at 2, 30 on hand, a week out of stock, at its reorder point;
    /// B at L1: no demand at 5, 40 on hand, no stock policy but a flagged override; C: 7 on hand at
    /// 1 without demand history (not planned).
    static func company() -> (Snapshot, [KPIItemLocation]) {
        var b = SnapshotBuilder()
        b.item("A", cost: 2, category: "pumps")
        b.item("B", cost: 5, category: "valves")
        b.item("C", cost: 1, category: "valves")
        b.location("L1")
        b.demand("A", at: "L1", [Double](repeating: 10, count: 52))
        b.demand("B", at: "L1", [Double](repeating: 0, count: 52))
        b.stock("A", at: "L1", 30)
        b.stock("B", at: "L1", 40)
        b.stock("C", at: "L1", 7)
        b.stock("A", at: "L1", 1_000, ownership: .consignment)  // the supplier's: not valued
        var snapshot = b.build()
        var stockouts = [UInt8](repeating: 0, count: 2 * 52)
        stockouts[51] = 7
        snapshot.demand.stockoutDays = stockouts
        let rows = [
            KPIItemLocation(
                item: 0, location: 0, abc: .a, xyz: .x, annualValue: 1_043.57, policyType: .sQ, onHand: 30, reorderPoint: 50,
                orderUpToLevel: 0, demandPerBucket: 10, unitCost: 2, flaggedOverrides: [], averageInventoryValue: 80),
            KPIItemLocation(
                item: 1, location: 0, abc: .c, xyz: .z, annualValue: 0, policyType: .none, onHand: 40, reorderPoint: 0,
                orderUpToLevel: 0,
                demandPerBucket: 0, unitCost: 5, flaggedOverrides: ["safety_stock"], averageInventoryValue: 0),
        ]
        return (snapshot, rows)
    }

    @Test("the figures by hand: window of 52 weeks, owned stock only (planned or not), lost sales from stock-out days, alerts")
    func byHand() throws {
        let (snapshot, rows) = Self.company()
        let kpis = InventoryKPIs(snapshot: snapshot, itemLocations: rows)
        #expect(kpis.period.buckets == 52 && kpis.period.days == 364 && kpis.period.bucket == "week")
        #expect(kpis.period.lastDay == "2026-11-29")
        let t = kpis.total
        #expect(t.itemLocations == 2)
        #expect(t.inventoryValue == 30 * 2 + 40 * 5 + 7)
        #expect(t.costOfGoodsIssued == 1_040 && t.issuedQuantity == 520)
        expectClose(t.lostQuantity, 7 * 520 / 357.0, relative: 1e-12, "lost = stock-out days × demand per in-stock day")
        expectClose(try #require(t.fillRate), 520 / (520 + 7 * 520 / 357.0), relative: 1e-12, "fill rate")
        expectClose(t.annualUsageValue, 1_040 * 365 / 364.0, relative: 1e-12, "annual usage")
        expectClose(try #require(t.turns), 1_040 * 365 / 364.0 / 267, relative: 1e-12, "turns")
        expectClose(try #require(t.daysOnHand), 267 / (1_040 / 364.0), relative: 1e-12, "days on hand")
        #expect(t.stockoutDays == 7 && t.stockoutItemLocations == 1)
        expectClose(try #require(t.stockoutFrequency), 7 / (2 * 364.0), relative: 1e-12, "stock-out frequency")

        let classes = try #require(kpis.byClass)
        #expect(classes.map(\.name) == ["AX", "CZ", "none"])
        #expect(classes[2].inventoryValue == 7 && classes[2].itemLocations == 0)
        let categories = try #require(kpis.byCategory)
        #expect(categories.map(\.name) == ["valves", "pumps"])
        #expect(categories[0].inventoryValue == 207 && categories[0].daysOnHand == .infinity && categories[0].turns == 0)
        #expect(kpis.matrix.count == 9 && kpis.matrix[0].count == 1 && kpis.matrix[0].share == 1)

        let alerts = Dictionary(uniqueKeysWithValues: kpis.alerts.map { ($0.kind, $0) })
        #expect(alerts["reorder"]?.count == 1 && alerts["reorder"]?.top.first?.text == "position 30 ≤ reorder point 50 EA")
        #expect(alerts["reorder"]?.top.first?.value == 40)
        #expect(alerts["stockout"]?.count == 0 && alerts["excess"]?.count == 0)
        #expect(alerts["flagged"]?.count == 1, "a flagged override counts without a stock policy too (as procura plan counts it)")
        #expect(alerts["flagged"]?.top.first?.itemId == "B")
    }

    @Test("a period and a single grouping: days with stock but no usage are infinite days on hand")
    func periodAndGrouping() throws {
        let (snapshot, rows) = Self.company()
        let kpis = InventoryKPIs(
            snapshot: snapshot, itemLocations: rows, configuration: .init(columns: 48..<52, groupings: [.location]))
        #expect(kpis.period.buckets == 4 && kpis.period.days == 28)
        #expect(kpis.byCategory == nil && kpis.byClass == nil && kpis.byLocation?.map(\.name) == ["L1"])
        #expect(kpis.total.costOfGoodsIssued == 80)
        let noUsage = InventoryKPIs(snapshot: snapshot, itemLocations: [rows[1]])
        #expect(noUsage.total.daysOnHand == .infinity && noUsage.total.turns == 0 && noUsage.total.fillRate == nil)
    }

    @Test("a plan on a snapshot gives one KPI row per planned item-location with the policy's final values")
    func fromPlan() async throws {
        let snapshot = PlanRunTests.company().build()
        let plan = await PlanRun.run(snapshot: snapshot, estimator: HistoryDemandEstimator())
        let rows = plan.kpiItemLocations
        #expect(rows.count == plan.rows.count)
        #expect(rows[0].reorderPoint == plan.rows[0].policy.final.reorderPoint && rows[0].onHand == 250)
        let kpis = InventoryKPIs(snapshot: snapshot, itemLocations: rows)
        #expect(kpis.total.itemLocations == plan.rows.count)
        #expect(abs(kpis.total.inventoryValue - (plan.summary.total.onHandValue + plan.summary.unplannedOnHandValue)) < 1e-9)
        #expect(kpis.alerts.first { $0.kind == "flagged" }?.count == plan.summary.total.flagged)
    }
}
