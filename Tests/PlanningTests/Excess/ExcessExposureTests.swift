import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Excess and obsolescence of the data (procura excess)")
struct ExcessExposureTests {
    /// OLD: no demand for two years, 100 units received 2024-01-01 at 3 → obsolete, written off.
    /// STEADY: 10 a week, 200 units on hand → well inside a C item's 12 months of forecast.
    /// HEAVY: 10 a week, 1,000 units in two lots (600 in 2025-03, 400 in 2026-10) → excess from the
    /// older lot first.
    static func snapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        for id in ["OLD", "STEADY", "HEAVY"] {
            b.item(id, cost: 3)
            b.source(id, at: "DC", from: "S1", leadTime: 7)
        }
        b.demand("OLD", at: "DC", [Double](repeating: 5, count: 52) + [Double](repeating: 0, count: 104))
        b.demand("STEADY", at: "DC", [Double](repeating: 10, count: 156))
        b.demand("HEAVY", at: "DC", [Double](repeating: 10, count: 156))
        func lot(_ item: Int32, _ qty: Double, _ received: String) -> InventoryLot {
            InventoryLot(
                item: item, location: 0, onHand: qty, ownership: .owned, receivedDate: Day(iso: received), lotID: "L-\(received)",
                unitCost: 3)
        }
        b.inventory = [
            lot(0, 100, "2024-01-01"), lot(1, 200, "2026-10-01"), lot(2, 600, "2025-03-01"), lot(2, 400, "2026-10-15"),
        ]
        return b.build()
    }

    @Test("obsolete stock is written off whole; excess comes from the oldest lot; groups add up to the total")
    func report() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        func line(_ id: String) throws -> ExcessReport.Line {
            try #require(report.lines.first { snapshot.items[Int($0.item)].id == id })
        }
        let old = try line("OLD")
        #expect(old.result.obsolete)
        #expect(old.result.provisionValue == 300 && old.result.netValue == 0)
        let steady = try line("STEADY")
        #expect(!steady.result.obsolete && steady.result.excessQty == 0)
        let heavy = try line("HEAVY")
        let coverage = Double(heavy.coverageMonths)
        // The forecast is 10 a week; a month is 365.25 / 7 / 12 weeks.
        expectClose(heavy.result.forecastOverCoverage, 10 * 365.25 / 7 / 12 * coverage, relative: 0.05, "forecast over coverage")
        expectClose(heavy.result.excessQty, 1_000 - heavy.result.forecastOverCoverage, relative: 1e-12, "excess")
        #expect(heavy.result.layers[0].excessQty == min(600, heavy.result.excessQty), "the 2025 lot first")
        // 2025-03-01 is 639 days before 2026-11-30: the 50 % bucket; its excess at max(50 %, 50 %).
        #expect(heavy.result.layers[0].ageDays == 639 && heavy.result.layers[0].bucket == 2)

        let document = ExcessDocument(report, snapshot: snapshot)
        #expect(document.total.itemLocations == 3)
        expectClose(
            document.total.provisionValue, report.lines.reduce(0) { $0 + $1.result.provisionValue }, relative: 1e-12, "total")
        expectClose(
            document.byClass.reduce(0) { $0 + $1.provisionValue }, document.total.provisionValue, relative: 1e-12, "by class")
        #expect(document.lines.first?.itemId == "OLD" || document.lines.first?.provisionValue ?? 0 >= 300)
        #expect(!document.lines.contains { $0.itemId == "STEADY" }, "no excess, nothing obsolete, no provision")
    }

    @Test(
        "excess.include_on_order: stock on order takes its part of the forecast first; beyond the forecast it is on-order excess")
    func onOrder() async throws {
        var snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let off = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        func line(_ report: ExcessReport, _ id: String) throws -> ExcessReport.Line {
            try #require(report.lines.first { snapshot.items[Int($0.item)].id == id })
        }
        let heavyF = try line(off, "HEAVY").forecastOverCoverage
        let steadyF = try line(off, "STEADY").forecastOverCoverage
        #expect(off.lines.allSatisfy { $0.onOrderQty == 0 && $0.onOrderExcessQty == 0 }, "off by default")
        try #require(heavyF > 300 && steadyF < 5_000)

        // HEAVY: 300 on order, well inside its forecast; STEADY: 5,000 on order, beyond it.
        let due = Day(year: 2026, month: 12, day: 10)!
        snapshot.openOrders = [
            OpenOrder(orderID: "PO-H", item: 2, location: 0, supplier: 0, quantity: 300, dueDate: due),
            OpenOrder(orderID: "PO-S", item: 1, location: 0, supplier: 0, quantity: 5_000, dueDate: due),
        ]
        snapshot.settings.excess.includeOnOrder = true
        let on = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        let heavy = try line(on, "HEAVY")
        #expect(heavy.onOrderQty == 300 && heavy.onOrderExcessQty == 0 && heavy.forecastOverCoverage == heavyF)
        // Excess = on hand + on order − F, carried by the stock on hand (the oldest lots first).
        expectClose(heavy.result.excessQty, 1_000 + 300 - heavyF, relative: 1e-9, "on hand carries the excess")
        expectClose(heavy.result.excessQty - (try line(off, "HEAVY")).result.excessQty, 300, relative: 1e-9, "300 more")
        #expect(heavy.result.layers[0].excessQty == min(600, heavy.result.excessQty), "the 2025 lot first")
        let steady = try line(on, "STEADY")
        #expect(steady.result.excessQty == 200, "the whole stock on hand is excess once the order covers the forecast")
        expectClose(steady.onOrderExcessQty, 5_000 - steadyF, relative: 1e-12, "on order beyond the forecast")
        expectClose(steady.onOrderExcessValue, (5_000 - steadyF) * 3, relative: 1e-12, "at unit cost")

        let document = ExcessDocument(on, snapshot: snapshot)
        #expect(document.includeOnOrder && document.total.onOrderQty == 5_300)
        expectClose(document.total.onOrderExcessValue, (5_000 - steadyF) * 3, relative: 1e-12, "total")
        let steadyLine = try #require(document.lines.first { $0.itemId == "STEADY" })
        #expect(steadyLine.forecastOverCoverage == steadyF && steadyLine.onOrderQty == 5_000)
        // Not written down: the provision of STEADY is that of its 200 units on hand alone.
        #expect(steadyLine.provisionValue == steady.result.provisionValue)
    }

    @Test("an item-location with stock on order only appears when the order exceeds its whole forecast")
    func onOrderOnly() async throws {
        var snapshot = Self.snapshot()
        snapshot.settings.excess.includeOnOrder = true
        let plan = await PlanRun.run(snapshot: snapshot)
        let oldF = try #require(try ExcessExposure.run(snapshot: snapshot, plan: plan).lines.first { $0.item == 0 })
            .forecastOverCoverage
        try #require(oldF < 40)
        // OLD has no owned lots here: remove them; an order of 40.
        snapshot.countedStock.removeAll { $0.item == 0 }
        let due = Day(year: 2026, month: 12, day: 10)!
        snapshot.openOrders = [OpenOrder(orderID: "PO-O", item: 0, location: 0, supplier: 0, quantity: 40, dueDate: due)]
        let report = try ExcessExposure.run(snapshot: snapshot, plan: plan)
        let old = try #require(report.lines.first { $0.item == 0 })
        #expect(old.layers.isEmpty && old.result.onHandQty == 0)
        expectClose(old.onOrderExcessQty, 40 - oldF, relative: 1e-12, "on order beyond the forecast")
        expectClose(old.onOrderExcessValue, (40 - oldF) * 3, relative: 1e-12, "at unit cost")
        let document = ExcessDocument(report, snapshot: snapshot)
        let line = try #require(document.lines.first { $0.itemId == "OLD" })
        #expect(!line.obsolete && line.onOrderExcessValue == old.onOrderExcessValue && line.grossValue == 0)
        #expect(document.total.obsoleteItemLocations == 0, "no stock, nothing obsolete")
        // Without the setting, nothing on order counts and OLD has no stock: no line.
        snapshot.settings.excess.includeOnOrder = false
        #expect(try ExcessExposure.run(snapshot: snapshot, plan: plan).lines.allSatisfy { $0.item != 0 })
    }
}
