import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Phase-out on the plan run: no replenishment, demand carried over, the report")
struct PhaseOutPlanTests {
    /// OLD (phase-out, successor NEW) sells 20 a week, NEW 10 a week, both at L1 from SUP; OLD has
    /// 100 on hand and NEW 80.
    static func snapshot(switchDate: Day? = nil) -> Snapshot {
        var settings = PlanningSettings()
        settings.excess.phaseOutSwitchDate = switchDate
        var b = SnapshotBuilder(settings: settings)
        b.location("L1")
        b.supplier("SUP")
        b.item("OLD", cost: 5, lifecycle: .phaseOut, category: "seals")
        b.item("NEW", cost: 6, category: "seals")
        b.source("OLD", at: "L1", from: "SUP", leadTime: 14)
        b.source("NEW", at: "L1", from: "SUP", leadTime: 14)
        b.demand("OLD", at: "L1", [Double](repeating: 20, count: 52))
        b.demand("NEW", at: "L1", [Double](repeating: 10, count: 52))
        b.stock("OLD", at: "L1", 100)
        b.stock("NEW", at: "L1", 80)
        var snapshot = b.build()
        snapshot.items[0].successor = 1
        return snapshot
    }

    @Test("the predecessor gets no proposal, and its requirements say why; the successor is netted")
    func replenishmentStops() async throws {
        let plan = try await ProcurementRun.planned(snapshot: Self.snapshot())
        let old = try plan.requirements(itemID: "OLD", locationID: "L1")
        #expect(old.outcome == .noStockPolicy && old.requirements == nil && old.successorID == "NEW")
        #expect(!plan.proposals.contains { $0.lines.contains { $0.itemId == "OLD" } })
        #expect(
            RequirementsReport(old, plan: plan).summary
                == "Phase-out, replaced by NEW: no replenishment, the stock runs down and its demand moves to NEW (procura phase-out); nothing is netted"
        )
        let new = try plan.requirements(itemID: "NEW", locationID: "L1")
        #expect(new.requirements != nil && new.successorID == nil)
    }

    @Test("the successor's forecast carries the predecessor's demand (10 + 20 a week); the predecessor keeps its own")
    func forecastMoves() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let rows = Dictionary(uniqueKeysWithValues: plan.rows.enumerated().map { (snapshot.items[Int($1.item)].id, $0) })
        let new = plan.forecast(row: try #require(rows["NEW"]))
        let old = plan.forecast(row: try #require(rows["OLD"]))
        #expect(new.allSatisfy { abs($0 - 30) < 1e-6 }, "\(new)")
        #expect(old.allSatisfy { abs($0 - 20) < 1e-6 }, "\(old)")
        var off = snapshot
        off.settings.forecasting.successorCarryOver = false
        let alone = await PlanRun.run(snapshot: off)
        #expect(alone.forecast(row: try #require(rows["NEW"])).allSatisfy { abs($0 - 10) < 1e-6 })
    }

    @Test("run-out of 100 at 20 a week: 2027-01-04, no surplus, the successor's 80 less its own 10 a week left")
    func atRunOut() async throws {
        let report = await PhaseOutPlan.planned(snapshot: Self.snapshot())
        #expect(report.pairs == 1 && report.switchDateSetting == nil && report.horizonStart == "2026-11-30")
        let line = try #require(report.lines.first)
        #expect(line.itemId == "OLD" && line.successorId == "NEW" && line.locationId == "L1" && line.replenishment == "stopped")
        #expect(line.runOut == "2027-01-04" && line.switchDate == "2027-01-04" && line.switchBasis == "run_out")
        expectClose(line.demandUntilSwitch, 100, relative: 1e-9)
        #expect(line.surplusQty == 0 && line.shortfallQty == 0 && !line.overlap)
        // NEW's own demand before the switch: (30 − 20) × 5 weeks = 50 of its 80.
        expectClose(line.successorStockAtSwitch, 30, relative: 1e-9)
    }

    @Test("switch set to 2026-12-28: 20 left (value 100) while the successor holds 40 — an overlap")
    func overlap() async throws {
        let report = await PhaseOutPlan.planned(snapshot: Self.snapshot(switchDate: Day(year: 2026, month: 12, day: 28)))
        let line = try #require(report.lines.first)
        #expect(line.switchDate == "2026-12-28" && line.switchBasis == "setting" && line.runOut == "2027-01-04")
        expectClose(line.surplusQty, 20, relative: 1e-9)
        expectClose(line.surplusValue, 100, relative: 1e-9)
        expectClose(line.successorStockAtSwitch, 40, relative: 1e-9)
        #expect(line.overlap && report.overlaps == 1)
        expectClose(report.overlapValue, 100, relative: 1e-9)
        #expect(
            line.summary
                == "OLD at L1 → NEW: runs out 2027-01-04, switch 2026-12-28; surplus 20 (value 100); overlap: NEW also stocked (40)"
        )
    }

    @Test("an item's own switch date (phase_out.switch_dates) wins over phase_out.switch_date; the other pair keeps the global")
    func itemSwitchDate() async throws {
        var snapshot = Self.snapshot(switchDate: Day(year: 2026, month: 12, day: 28))
        // OLD2: a second predecessor of NEW like OLD (20 a week, 100 on hand), its own date 2027-01-11.
        var b = SnapshotBuilder(settings: snapshot.settings)
        b.location("L1")
        b.supplier("SUP")
        b.item("OLD", cost: 5, lifecycle: .phaseOut, category: "seals")
        b.item("NEW", cost: 6, category: "seals")
        b.item("OLD2", cost: 5, lifecycle: .phaseOut, category: "seals")
        for id in ["OLD", "NEW", "OLD2"] { b.source(id, at: "L1", from: "SUP", leadTime: 14) }
        b.demand("OLD", at: "L1", [Double](repeating: 20, count: 52))
        b.demand("NEW", at: "L1", [Double](repeating: 10, count: 52))
        b.demand("OLD2", at: "L1", [Double](repeating: 20, count: 52))
        b.stock("OLD", at: "L1", 100)
        b.stock("NEW", at: "L1", 80)
        b.stock("OLD2", at: "L1", 100)
        snapshot = b.build()
        snapshot.items[0].successor = 1
        snapshot.items[2].successor = 1
        snapshot.settings.excess.phaseOutSwitchDates = ["OLD2": try #require(Day(iso: "2027-01-11"))]
        let report = await PhaseOutPlan.planned(snapshot: snapshot)
        #expect(report.pairs == 2)
        let old = try #require(report.lines.first { $0.itemId == "OLD" })
        let own = try #require(report.lines.first { $0.itemId == "OLD2" })
        // The global date: 4 weeks of 20 = 80 of 100 used, 20 left.
        #expect(old.switchDate == "2026-12-28" && old.switchBasis == "setting")
        expectClose(old.surplusQty, 20, relative: 1e-9)
        // Its own date: 6 weeks of 20 = 120 against 100 — no surplus, 20 short (it ran out 2027-01-04).
        #expect(own.switchDate == "2027-01-11" && own.switchBasis == "item_setting" && own.runOut == "2027-01-04")
        expectClose(own.demandUntilSwitch, 120, relative: 1e-9)
        #expect(own.surplusQty == 0)
        expectClose(own.shortfallQty, 20, relative: 1e-9)
        #expect(own.steps[2].numbers == "phase_out.switch_dates (the item's own date)")
        #expect(old.steps[2].numbers == "phase_out.switch_date")

        // A later own date extends the horizon as the global one does: 2028-06-30 is 578 days after 2026-11-30.
        var later = snapshot
        later.settings.excess.phaseOutSwitchDate = nil
        later.settings.excess.phaseOutSwitchDates = ["OLD2": try #require(Day(iso: "2028-06-30"))]
        #expect(PhaseOutPlan.horizonBuckets(snapshot: later) == 84)
    }
}
