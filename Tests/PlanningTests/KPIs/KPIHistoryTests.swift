import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("KPI history and root causes")
struct KPIHistoryTests {
    /// One item (cost 2) at L1, nine weeks of demand from Monday 2026-09-28: 10, then October 10 a
    /// week (weeks of 10-05 … 10-26), November 20 a week (11-02 … 11-23); two stock-out days in the
    /// week of 11-09; stock recorded at the end of 10-15 (30), 10-31 (50) and 11-29 (10); receipts
    /// on 10-05, 10-20 and 11-10 (due 11-08, ordered 10-27 from a supplier with a 7-day lead time);
    /// an override of the reorder point from 11-01.
    static func snapshot(settings: PlanningSettings = .init()) -> Snapshot {
        var b = SnapshotBuilder(settings: settings)
        b.item("A", cost: 2, category: "bearings")
        b.location("L1")
        b.supplier("S1")
        b.source("A", at: "L1", from: "S1", leadTime: 7)
        b.demand("A", at: "L1", [10, 10, 10, 10, 10, 20, 20, 20, 20])
        b.override("A", at: "L1", "reorder_point", 12, reason: "launch", validFrom: Day(iso: "2026-11-01"))
        var s = b.build()
        // Weeks of 09-28, 10-05, 10-12, 10-19, 10-26, 11-02, 11-09, 11-16, 11-23.
        s.demand.stockoutDays = [0, 0, 0, 0, 0, 0, 2, 0, 0]
        s.stockHistory = [
            StockHistoryPoint(date: Day(iso: "2026-10-15")!, item: 0, location: 0, onHand: 30),
            StockHistoryPoint(date: Day(iso: "2026-10-31")!, item: 0, location: 0, onHand: 50),
            StockHistoryPoint(date: Day(iso: "2026-11-29")!, item: 0, location: 0, onHand: 10),
        ]
        func receipt(_ id: String, ordered: String, due: String?, received: String) -> Receipt {
            Receipt(
                orderID: id, item: 0, location: 0, supplier: 0, orderDate: Day(iso: ordered)!,
                dueDate: due.flatMap(Day.init(iso:)),
                receiptDate: Day(iso: received)!, quantity: 40)
        }
        s.receipts = [
            receipt("PO-1", ordered: "2026-09-28", due: "2026-10-05", received: "2026-10-05"),
            receipt("PO-2", ordered: "2026-10-13", due: "2026-10-20", received: "2026-10-20"),
            receipt("PO-3", ordered: "2026-10-27", due: "2026-11-08", received: "2026-11-10"),
        ]
        return s
    }

    @Test("October and November by hand: COGS, average value, turnover, days on hand, fill rate, CSL, excess, GMROI, change")
    func handChecked() async throws {
        var settings = PlanningSettings()
        settings.excess.coverageMonthsC = 1
        settings.kpis.grossMarginRate = 0.2
        let snapshot = Self.snapshot(settings: settings)
        let history = try KPIHistory.compute(
            snapshot: snapshot,
            columns: try KPIWindow.columns(
                snapshot.demand, from: Day(iso: "2026-10-01"), to: Day(iso: "2026-11-29"), defaultBuckets: 52),
            classification: [], accuracy: nil, groupings: [.category, .supplier])
        #expect(history.periods.map(\.month) == ["2026-10", "2026-11"])
        #expect(history.periods.map(\.days) == [28, 28] && history.periods.map(\.stockDays) == [2, 1])
        #expect(history.from == "2026-10-05" && history.to == "2026-11-29")
        let (oct, nov) = (history.total.points[0], history.total.points[1])
        // October: COGS 40 × 2 = 80; average value (30 + 50) × 2 / 2 = 80; turnover 1, × 365/28.
        #expect(oct.cogs == 80 && oct.averageInventoryValue == 80 && oct.inventoryTurnover == 1)
        expectClose(oct.inventoryTurnoverAnnualized ?? .nan, 365.0 / 28, relative: 1e-12)
        expectClose(oct.daysOnHand ?? .nan, 28, relative: 1e-12)
        #expect(oct.fillRate == 1 && oct.stockoutDays == 0)
        // Cycle 10-05 … 10-19 ends in October without stock-out days in its weeks.
        #expect(oct.cycles == 1 && oct.cyclesWithoutStockout == 1 && oct.cycleServiceLevel == 1)
        // Excess on 10-31: 50 units against one month of the mean monthly demand (10 + 40) / 2 = 25 → 25 × 2.
        expectClose(oct.excessValue ?? .nan, 50, relative: 1e-12)
        #expect(oct.obsoleteValue == 0)
        // GMROI: margin 80 × 0.2 / 0.8 = 20 over 80.
        expectClose(oct.grossMargin ?? .nan, 20, relative: 1e-12)
        expectClose(oct.gmroi ?? .nan, 0.25, relative: 1e-12)
        // November: COGS 160; value 10 × 2 = 20; turnover 8; days on hand 20 / (160 / 28) = 3.5.
        #expect(nov.cogs == 160 && nov.averageInventoryValue == 20 && nov.inventoryTurnover == 8)
        expectClose(nov.daysOnHand ?? .nan, 3.5, relative: 1e-12)
        // Lost: 2 stock-out days × 80 / 26 in-stock days; fill rate 80 / (80 + 160/26) = 26/28.
        expectClose(nov.lostQuantity, 160.0 / 26, relative: 1e-12)
        expectClose(nov.fillRate ?? .nan, 26.0 / 28, relative: 1e-12)
        expectClose(nov.stockoutFrequency ?? .nan, 2.0 / 28, relative: 1e-12)
        // Cycle 10-20 … 11-09 overlaps the stock-out week of 11-09.
        #expect(nov.cycles == 1 && nov.cyclesWithoutStockout == 0 && nov.cycleServiceLevel == 0)
        #expect(nov.excessValue == 0)
        expectClose(nov.change.inventoryTurnoverAnnualized ?? .nan, (8 - 1) * 365.0 / 28, relative: 1e-12)
        expectClose(history.total.trend.inventoryTurnoverAnnualized ?? .nan, (8 - 1) * 365.0 / 28, relative: 1e-12)
        #expect(oct.change.inventoryTurnoverAnnualized == nil)
        #expect(nov.onTarget.fillRate == false && nov.onTarget.daysOnHand == true && oct.onTarget.cycleServiceLevel == true)
        #expect(history.groups.map { "\($0.grouping) \($0.name)" } == ["category bearings", "supplier S1"])
        #expect(history.groups[0].points == history.total.points)
        #expect(oct.forecastWapePercent == nil && history.accuracyFrom == nil)
        // Every key is written; undefined ratios as null, never "inf".
        let json = try JSONValueEncoder().encode(history).pretty
        #expect(json.contains("\"forecast_wape_percent\": null") && !json.contains("inf"))
    }

    @Test("KPIWindow: whole weeks within from … to; from after to, and a window without a whole week, are errors")
    func window() throws {
        let demand = Self.snapshot().demand
        #expect(
            try KPIWindow.columns(demand, from: Day(iso: "2026-10-06"), to: Day(iso: "2026-11-22"), defaultBuckets: 52) == 2..<8)
        #expect(try KPIWindow.columns(demand, from: nil, to: nil, defaultBuckets: 4) == 5..<9)
        #expect(try KPIWindow.columns(demand, from: nil, to: Day(iso: "2026-10-04"), defaultBuckets: 52) == 0..<1)
        expectError(PolicyError.self, "from 2026-11-02 is after to 2026-11-01 — expected from ≤ to") {
            _ = try KPIWindow.columns(demand, from: Day(iso: "2026-11-02"), to: Day(iso: "2026-11-01"), defaultBuckets: 52)
        }
        expectError(
            PolicyError.self,
            "no complete week of the demand history lies within from 2026-11-03 … to 2026-11-08 — the complete weeks of the history cover 2026-09-28 … 2026-11-29"
        ) {
            _ = try KPIWindow.columns(demand, from: Day(iso: "2026-11-03"), to: Day(iso: "2026-11-08"), defaultBuckets: 52)
        }
    }

    @Test("KPITrend: least-squares slope over the defined values, changes period to period")
    func trend() {
        // y = 1, 3, –, 7 at x = 0, 1, 3: slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 2.
        #expect(KPITrend.slope([1, 3, nil, 7]) == 2)
        #expect(KPITrend.slope([nil, 5]) == nil)
        #expect(KPITrend.changes([1, 3, nil, 7]) == [nil, 2, nil, nil])
    }

    @Test(
        "the stock-out of the week of 11-09 is put down to the demand into it, the late, slow PO-3 and the override in force; the Pareto splits it in quarters"
    )
    func rootCauses() async throws {
        let snapshot = Self.snapshot()
        let report = try await RootCauseAnalysis.run(
            snapshot: snapshot, configuration: .init(from: Day(iso: "2026-10-01"), to: Day(iso: "2026-11-29")))
        let stockouts = report.events.filter { $0.kind == .stockout }
        #expect(stockouts.count == 1)
        let event = try #require(stockouts.first)
        #expect(event.start == "2026-11-09" && event.end == "2026-11-15" && event.stockoutDays == 2)
        #expect(event.category == "bearings" && event.supplierId == "S1")
        // At stake: 2 days × the daily demand of the 8 weeks before ((4×10 + 20 + … ) / 6 weeks / 7 days) × 2.
        expectClose(event.value, 2 * (10.0 * 5 + 20) / 6 / 7 * 2, relative: 1e-12)
        #expect(
            event.causes.map(\.evidence) == [
                "demand 40 in the 2 weeks into the stock-out against a forecast of 20 ± 0 (moving average of the 5 weeks before)",
                "PO-3 from S1 due 2026-11-08, received 2026-11-10 (2 days late)",
                "PO-3 from S1 took 14 days against 7 in sourcing.csv",
                "override of reorder point = 12 (launch; 2026-11-01 … open)",
            ])
        let total = try #require(report.pareto.first { $0.grouping == "total" && $0.kind == .stockout })
        #expect(total.events == 1)
        #expect(total.causes.map(\.cause) == ["forecast_under", "lead_time_longer", "override", "supplier_late"])
        for share in total.causes { expectClose(share.share, 1.0 / 4, relative: 1e-12) }
        expectClose(total.causes.last?.cumulativeShare ?? .nan, 1, relative: 1e-12)
        #expect(report.pareto.contains { $0.grouping == "supplier" && $0.name == "S1" && $0.kind == .stockout })
    }

    @Test(
        "PO-3 ordered on 11-05, four days before the stock-out, against a 7-day lead time: order_late, no longer lead_time_longer"
    )
    func orderReleasedLate() async throws {
        var snapshot = Self.snapshot()
        snapshot.receipts[2].orderDate = Day(iso: "2026-11-05")!
        let report = try await RootCauseAnalysis.run(
            snapshot: snapshot, configuration: .init(from: Day(iso: "2026-10-01"), to: Day(iso: "2026-11-29")))
        let event = try #require(report.events.first { $0.kind == .stockout })
        #expect(event.causes.map(\.code) == ["forecast_under", "order_late", "supplier_late", "override"])
        #expect(
            event.causes[1].evidence
                == "PO-3 was ordered on 2026-11-05, 4 days before the stock-out, against a lead time of 7 days in sourcing.csv")
    }
}
