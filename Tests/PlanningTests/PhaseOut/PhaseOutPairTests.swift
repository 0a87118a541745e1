import InventoryCore
import Planning
import ProcuraTestSupport
import Testing

@Suite("Phase-out pair: run-out, switch, surplus or shortfall, overlap")
struct PhaseOutPairTests {
    /// Four weeks from Monday 2026-11-30; the predecessor sells 70 a week (10 a day) at unit cost 2.5,
    /// the successor 14 a week (2 a day).
    static let starts = (0...4).map { Day(year: 2026, month: 11, day: 30)!.adding(days: 7 * $0) }

    static func input(
        onHand: Double = 100, onOrder: Double = 50, switchDate: Day? = nil, successorOnHand: Double = 30,
        successorForecast: [Double] = [14, 14, 14, 14], carries: Bool = false
    ) -> PhaseOutPair.Input {
        PhaseOutPair.Input(
            bucketStarts: starts, switchDate: switchDate, onHand: onHand, onOrder: onOrder, unitCost: 2.5,
            forecast: [70, 70, 70, 70], successorOnHand: successorOnHand, successorOnOrder: 0,
            successorForecast: successorForecast, successorCarriesPredecessor: carries)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: PhaseOutPair.Input
        var runOut: String?
        var switchDate: String
        var basis: PhaseOutPair.SwitchBasis
        var demand: Double
        var surplus: Double
        var shortfall: Double
        var successorStock: Double
        var overlapValue: Double?
        var testDescription: String { name }
    }

    /// Hand-checked (docs/excess.md, "Phase-out and successors"):
    ///
    /// | case | A | run-out | S | D(S) | surplus | shortfall | successor at S | overlap |
    /// |---|---|---|---|---|---|---|---|---|
    /// | at run-out | 150 | 70 + 70 + 10 → 12-15 | 12-15 | 150 | 0 | 0 | 30 − (14 + 14 + 2) = 0 | no |
    /// | set 12-14 | 150 | 12-15 | 12-14 | 140 | 10 (25.0) | 0 | 30 − 28 = 2 | 25 |
    /// | set 12-28 | 150 | 12-15 | 12-28 | 280 | 0 | 130 | 0 | no |
    /// | not used up | 500 | — | 12-28 (end) | 280 | 220 (550) | 0 | 100 − 4 · (84 − 70) = 44 | 550 |
    /// | nothing left | 0 | 11-30 | 11-30 | 0 | 0 | 0 | 30 | no |
    static let cases: [Case] = [
        Case(
            name: "switch at the run-out", input: input(), runOut: "2026-12-15", switchDate: "2026-12-15", basis: .runOut,
            demand: 150, surplus: 0, shortfall: 0, successorStock: 0, overlapValue: nil),
        Case(
            name: "set before the run-out: surplus, the successor stocked too",
            input: input(switchDate: Day(year: 2026, month: 12, day: 14)),
            runOut: "2026-12-15", switchDate: "2026-12-14", basis: .setting, demand: 140, surplus: 10, shortfall: 0,
            successorStock: 2, overlapValue: 25),
        Case(
            name: "set after the run-out: shortfall", input: input(switchDate: Day(year: 2026, month: 12, day: 28)),
            runOut: "2026-12-15", switchDate: "2026-12-28", basis: .setting, demand: 280, surplus: 0, shortfall: 130,
            successorStock: 0, overlapValue: nil),
        Case(
            name: "not used up within the horizon, successor carrying the predecessor's demand",
            input: input(onHand: 500, onOrder: 0, successorOnHand: 100, successorForecast: [84, 84, 84, 84], carries: true),
            runOut: nil, switchDate: "2026-12-28", basis: .horizonEnd, demand: 280, surplus: 220, shortfall: 0,
            successorStock: 44, overlapValue: 550),
        Case(
            name: "nothing left: runs out today", input: input(onHand: -5, onOrder: 0), runOut: "2026-11-30",
            switchDate: "2026-11-30", basis: .runOut, demand: 0, surplus: 0, shortfall: 0, successorStock: 30,
            overlapValue: nil),
    ]

    @Test("hand-checked table", arguments: cases)
    func table(_ c: Case) {
        let p = PhaseOutPair(c.input)
        #expect(p.runOut?.description == c.runOut)
        #expect(p.switchDate.description == c.switchDate && p.switchBasis == c.basis)
        expectClose(p.demandUntilSwitch, c.demand, relative: 1e-12, absolute: 1e-9, "D(S)")
        expectClose(p.surplus, c.surplus, relative: 1e-12, absolute: 1e-9, "surplus")
        expectClose(p.surplusValue, c.surplus * 2.5, relative: 1e-12, absolute: 1e-9, "surplus value")
        expectClose(p.shortfall, c.shortfall, relative: 1e-12, absolute: 1e-9, "shortfall")
        expectClose(p.successorStockAtSwitch, c.successorStock, relative: 1e-12, absolute: 1e-9, "successor at the switch")
        #expect(p.overlap == (c.overlapValue != nil))
        expectClose(p.overlapValue, c.overlapValue ?? 0, relative: 1e-12, absolute: 1e-9, "overlap value")
    }

    @Test("the explanation gives each step with its numbers")
    func explanation() {
        let p = PhaseOutPair(Self.input(switchDate: Day(year: 2026, month: 12, day: 14)))
        #expect(
            p.steps.map(\.name) == [
                "supply", "run-out", "switch", "demand until the switch", "surplus at the switch",
                "successor stock at the switch", "overlap",
            ])
        #expect(p.steps[0].numbers == "100 + 50" && p.steps[0].result == "150")
        #expect(p.steps[1].result == "2026-12-15")
        #expect(p.steps[2].numbers == "phase_out.switch_date" && p.steps[2].result == "2026-12-14")
        #expect(p.steps[4].numbers == "(150 − 140) × 2.5" && p.steps[4].result == "10 units, value 25")
        #expect(p.steps[6].result == "yes, value 25")
        let short = PhaseOutPair(Self.input(switchDate: Day(year: 2026, month: 12, day: 28)))
        #expect(short.steps[4].name == "shortfall" && short.steps[4].result == "130, covered by the successor from 2026-12-15")
    }

    @Test("demand until a day is pro rata by day; the run-out day is the first without stock")
    func demandAndRunOut() {
        let f: [Double] = [70, 70, 70, 70]
        expectClose(
            PhaseOutPair.demand(until: Day(year: 2026, month: 12, day: 3)!, forecast: f, bucketStarts: Self.starts), 30,
            relative: 1e-12, absolute: 1e-9, "3 days of 10")
        #expect(PhaseOutPair.demand(until: Day(year: 2026, month: 11, day: 1)!, forecast: f, bucketStarts: Self.starts) == 0)
        expectClose(
            PhaseOutPair.demand(until: Day(year: 2027, month: 6, day: 1)!, forecast: f, bucketStarts: Self.starts), 280,
            relative: 1e-12, absolute: 1e-9, "nothing beyond the horizon")
        #expect(PhaseOutPair.runOut(supply: 70, forecast: f, bucketStarts: Self.starts) == Day(year: 2026, month: 12, day: 7))
        #expect(PhaseOutPair.runOut(supply: 71, forecast: f, bucketStarts: Self.starts) == Day(year: 2026, month: 12, day: 8))
        #expect(PhaseOutPair.runOut(supply: 280.5, forecast: f, bucketStarts: Self.starts) == nil)
    }
}
