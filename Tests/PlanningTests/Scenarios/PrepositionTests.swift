import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Pre-positioning ahead of a scenario (procura preposition)")
struct PrepositionTests {
    /// STEADY sells 70 a week at HAM (region North) and at MUC (region South), both from S1 in
    /// 14 days; LONE sells 20 a week at HAM only. Fill rate is the measure. MUC holds `mucStock`
    /// today (owned unless `mucOwnership` says otherwise); HAM holds 100 of each.
    ///
    /// The plan (weekly buckets, no demand variation, so no safety stock): STEADY (s, Q) with
    /// s = 140 (two weeks of demand), Q = 541, target 99 % at HAM and 97 % at MUC; LONE (R, s, S)
    /// with S = 517. Without recorded stock history the replay opens at s + Q = 681 (S = 517 for
    /// LONE) at every location — today's stock only bounds what a donor can give.
    static func snapshot(mucStock: Double = 2000, mucOwnership: Ownership = .owned) -> Snapshot {
        var b = SnapshotBuilder()
        b.settings.policy.serviceMeasure = .fillRate
        // STEADY is AX: its default strategy jit_kanban would plan a kanban loop; reorder_point keeps (s,Q).
        b.settings.strategies.byCell[ABCXYZCell(.a, .x)] = .reorderPoint
        b.location("HAM")
        b.location("MUC")
        b.locations[0].region = "North"
        b.locations[1].region = "South"
        b.supplier("S1")
        b.item("STEADY", cost: 5, category: "pumps")
        b.item("LONE", cost: 2, category: "valves")
        for location in ["HAM", "MUC"] {
            b.source("STEADY", at: location, from: "S1", leadTime: 14)
            b.demand("STEADY", at: location, [Double](repeating: 70, count: 104))
        }
        b.source("LONE", at: "HAM", from: "S1", leadTime: 14)
        b.demand("LONE", at: "HAM", [Double](repeating: 20, count: 104))
        b.stock("STEADY", at: "HAM", 100)
        b.stock("LONE", at: "HAM", 100)
        b.stock("STEADY", at: "MUC", mucStock, ownership: mucOwnership)
        return b.build()
    }

    /// North closed for the first 16 weeks of the replay (days 0 … 111): deliveries due into HAM in
    /// them arrive in week 16. The moves land before the window starts, so the supply shock starts
    /// with it. LONE's demand triples over the same weeks.
    static let closure = """
        name: North closed for 16 weeks
        shocks:
          - kind: closure
            region: North
            from: start+0
            to: start+111
          - kind: demand
            factor: 3
            item: LONE
            from: start+0
            to: start+111
        """

    static func run(_ snapshot: Snapshot, _ yaml: String = closure) async throws(PolicyError) -> PrepositionDocument {
        try await ScenarioRun.plannedPreposition(snapshot: snapshot, yaml: yaml)
    }

    @Test(
        "HAM is hit and needs stock, MUC is not and gives it: the need, the move, its cost and the service with and without it by number"
    )
    func move() async throws {
        let d = try await Self.run(Self.snapshot())
        #expect(d.itemLocations == 3 && d.threatened == 2 && d.holdAlready == 0, "STEADY and LONE at HAM")
        #expect(d.periods == 52 && d.measure == "fill_rate")
        #expect(d.transferCostRate == 0.02 && d.costPerMove == 150 && d.currency == "EUR")
        // STEADY at HAM over 52 weeks: demand 52 × 70 = 3,640. Closed, it serves its opening 681 in
        // weeks 0 … 15 (demand 1,120) and is short 439: fill rate 3,201 / 3,640 = 87.9 %, below 99 − 5.
        // Opening 681 + E: one order (week 10, 541) arrives in week 16 and clears the backlog; no
        // shortfall after. Holding 94 % needs short ≤ 218.4: E = 221 (short 218, 3,422 / 3,640 =
        // 94.01 %); E = 220 leaves 219 short, 93.98 %.
        let steady = try #require(d.needs.first { $0.itemId == "STEADY" })
        #expect(steady.locationId == "HAM" && steady.region == "North" && steady.status == "covered")
        #expect(steady.target == 0.99 && steady.baselineAchieved == 1 && steady.shockedAchieved == 3201.0 / 3640)
        #expect(steady.need == 221 && steady.needValue == 1105 && steady.covered == 221 && steady.uncovered == 0)
        #expect(steady.achievedWithMoves == 3422.0 / 3640)
        // LONE has no other location: the need stays, with what to do about it.
        let lone = try #require(d.needs.first { $0.itemId == "LONE" })
        #expect(lone.status == "no_other_location" && lone.covered == 0 && lone.need > 0 && lone.uncovered == lone.need)
        #expect(lone.note == "no other location of the item is outside the supply shocks: raise the buffer or expedite")

        // MUC, not closed, opens at 681: even cut to 0 it is short only weeks 0 and 1 (140; its first
        // order arrives in week 2), 96.2 % ≥ 97 − 5 — it can give all 681; HAM takes 221.
        let move = try #require(d.moves.first)
        #expect(d.moves.count == 1 && move.itemId == "STEADY" && move.fromLocationId == "MUC" && move.toLocationId == "HAM")
        #expect(move.region == "North" && move.units == 221 && move.valueMoved == 1105)
        // cost_per_move + transfer_cost_rate × value moved = 150 + 0.02 × 1,105.
        #expect(abs(move.transferCost - 172.1) < 1e-9)
        #expect(move.receiverTarget == 0.99 && move.receiverWithout == 3201.0 / 3640 && move.receiverWith == 3422.0 / 3640)
        #expect(move.demandServedProtected == 221, "each unit moved is served on the day instead of late")
        // MUC with 681 − 221 = 460: its first order at IP ≤ 140 arrives before it runs out.
        #expect(move.donorTarget == 0.97 && move.donorBefore == 1 && move.donorAfter == 1)
        #expect(d.totals.moves == 1 && d.totals.units == 221 && d.totals.value == 1105 && d.totals.cost == move.transferCost)
        #expect(d.totals.demandServedProtected == 221 && d.totals.uncoveredUnits == lone.need)
        #expect(d.totals.needs == 2 && d.totals.covered == 1 && d.totals.partlyCovered == 0 && d.totals.uncovered == 1)
        let north = try #require(d.regions.first)
        #expect(d.regions.count == 1 && north.region == "North" && north.needs == 2 && north.covered == 1)
        #expect(north.moves == 1 && north.units == 221 && north.uncoveredUnits == lone.need)
    }

    @Test("a donor that misses its own target under the scenario gives nothing")
    func donorKeepsItsTarget() async throws {
        // MUC's demand × 5 (350 a week) over the same 16 weeks: with s = 140 against two weeks' 700
        // of lead-time demand it runs short every cycle and misses 97 − 5 uncut.
        let surge =
            Self.closure + """

                  - kind: demand
                    factor: 5
                    item: STEADY
                    location: MUC
                    from: start+0
                    to: start+111
                """
        let d = try await Self.run(Self.snapshot(), surge)
        let steady = try #require(d.needs.first { $0.itemId == "STEADY" })
        #expect(d.moves.isEmpty && steady.status == "nothing_to_spare" && steady.covered == 0 && steady.uncovered == 221)
        #expect(
            steady.note == "the other locations cannot give without missing their own target: raise the buffer or expedite")
    }

    @Test("consignment stock is the supplier's: a donor holding only consignment stock moves nothing; owned stock bounds it")
    func consignmentStays() async throws {
        let d = try await Self.run(Self.snapshot(mucOwnership: .consignment))
        let steady = try #require(d.needs.first { $0.itemId == "STEADY" })
        #expect(d.moves.isEmpty && steady.status == "nothing_to_spare" && steady.achievedWithMoves == 3201.0 / 3640)
        // 30 owned units at MUC (it replays with 681): 30 move, 191 stay uncovered; short 439 − 30.
        let small = try await Self.run(Self.snapshot(mucStock: 30))
        let part = try #require(small.needs.first { $0.itemId == "STEADY" })
        #expect(small.moves.map(\.units) == [30] && part.status == "partly_covered" && part.covered == 30)
        #expect(part.uncovered == 191 && part.note == "191 units uncovered: raise the buffer or expedite")
        #expect(small.moves.first?.receiverWith == 3231.0 / 3640 && small.totals.partlyCovered == 1)
    }

    @Test("a spec that is not valid is refused with its line and field, nothing runs")
    func refused() async throws {
        do {
            _ = try await Self.run(Self.snapshot(), "name: Bad\nshocks:\n  - kind: closure\n    region: Atlantis\n")
            Issue.record("the spec ran")
        } catch {
            #expect(error.message == "the scenario spec is not valid — line 4, shocks[0].region: unknown region 'Atlantis'")
        }
    }
}
