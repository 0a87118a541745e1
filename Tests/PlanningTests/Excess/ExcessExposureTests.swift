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
}
