import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Scenario runs: disruption modes, lost sales and demand sampled from the forecast")
struct ScenarioModesTests {
    /// STEADY: 10 a week from S1 (14 days); NOISY: 4, 12, 6, 14, … a week from S2 (14 days); both at DC.
    static func snapshot() -> Snapshot {
        var b = SnapshotBuilder()
        // STEADY is AX: its default strategy jit_kanban would plan a kanban loop; reorder_point keeps (s,Q).
        b.settings.strategies.byCell[ABCXYZCell(.a, .x)] = .reorderPoint
        b.location("DC")
        b.supplier("S1")
        b.supplier("S2")
        b.item("STEADY", cost: 5, category: "pumps")
        b.source("STEADY", at: "DC", from: "S1", leadTime: 14)
        b.demand("STEADY", at: "DC", [Double](repeating: 10, count: 104))
        b.item("NOISY", cost: 2, category: "valves")
        b.source("NOISY", at: "DC", from: "S2", leadTime: 14)
        b.demand("NOISY", at: "DC", (0..<104).map { [4.0, 12, 6, 14][$0 % 4] })
        return b.build()
    }

    static func failure(_ extra: String = "", mode: String? = nil) -> String {
        """
        name: S1 fails for 31 weeks
        \(extra)shocks:
          - kind: supplier_failure
            supplier: S1
            from: start+35
            to: start+250
        \(mode.map { "    mode: \($0)\n" } ?? "")
        """
    }

    @Test("the modes are named in the shocks' text; order- and transit-pausing change the shocked replay, not the baseline")
    func modes() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        var documents: [String: ScenarioDocument] = [:]
        for mode in ["receipt", "order", "transit"] {
            let spec = try ScenarioSpecReader.read(yaml: Self.failure(mode: mode), snapshot: snapshot)
            documents[mode] = try await ScenarioRun.run(snapshot: snapshot, plan: plan, spec: spec, searchBuffers: false)
        }
        let receipt = try #require(documents["receipt"])
        let order = try #require(documents["order"])
        let transit = try #require(documents["transit"])
        #expect(receipt.shocks[0].hasPrefix("supplier failure (deliveries due in the window arrive when it ends), supplier S1, "))
        #expect(order.shocks[0].hasPrefix("supplier failure, order-pausing (no orders are placed in the window), supplier S1, "))
        #expect(
            transit.shocks[0].hasPrefix(
                "supplier failure, transit-pausing (goods in transit stand still in the window), supplier S1, "))
        for d in [order, transit] {
            #expect(
                zip(d.classes + d.locations, receipt.classes + receipt.locations).allSatisfy {
                    $0.fillRate.baseline == $1.fillRate.baseline && $0.stockoutPeriods.baseline == $1.stockoutPeriods.baseline
                })
        }
        // 31 weeks without deliveries: every mode runs STEADY out of stock. Receipt-pausing: what was
        // ordered in the window arrives when it ends. Order- and transit-pausing: nothing is shipped in
        // the window (not ordered, or standing still), so it arrives a lead time (2 weeks) after it —
        // two more weeks short; the same (s,Q) multiple of Q either way, so the same figures.
        #expect(receipt.locations[0].stockoutPeriods.shocked == 14)
        #expect(order.locations[0].stockoutPeriods.shocked == 16 && transit.locations[0].stockoutPeriods.shocked == 16)
        #expect(order.locations[0].fillRate.shocked < receipt.locations[0].fillRate.shocked)
        #expect(order.locations[0].averageOnHandValue.shocked == transit.locations[0].averageOnHandValue.shocked)
    }

    @Test(
        "lost sales: the same failure loses the demand it cannot serve instead of serving it late — no backlog eats the deliveries when it ends"
    )
    func lostSales() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let backorder = try await ScenarioRun.run(
            snapshot: snapshot, plan: plan, spec: try ScenarioSpecReader.read(yaml: Self.failure(), snapshot: snapshot),
            searchBuffers: false)
        let lost = try await ScenarioRun.run(
            snapshot: snapshot, plan: plan,
            spec: try ScenarioSpecReader.read(yaml: Self.failure("unmet_demand: lost_sales\n"), snapshot: snapshot),
            searchBuffers: false)
        #expect(backorder.unmetDemand == "backorder" && lost.unmetDemand == "lost_sales")
        let b = backorder.locations[0]
        let l = lost.locations[0]
        // The baseline never runs short: the same either way.
        #expect(
            b.fillRate.baseline == 1 && l.fillRate.baseline == 1 && b.averageOnHandValue.baseline == l.averageOnHandValue.baseline
        )
        // In the window nothing is served either way; when the held deliveries arrive, backorders take
        // their share first, lost sales leave it on the shelf: more on hand, the same service.
        #expect(b.stockoutPeriods.shocked == 14 && l.stockoutPeriods.shocked == 14 && b.fillRate.shocked == l.fillRate.shocked)
        #expect(
            abs(b.averageOnHandValue.shocked - 810.346_153_846) < 1e-6
                && abs(l.averageOnHandValue.shocked - 823.423_076_923) < 1e-6,
            "backorder \(b.averageOnHandValue.shocked), lost sales \(l.averageOnHandValue.shocked)")
    }

    @Test("demand: forecast — the same seed gives the same run, another seed another; replications give intervals")
    func forecastDemand() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        func run(seed: Int, replications: Int = 30) async throws -> ScenarioDocument {
            let spec = try ScenarioSpecReader.read(
                yaml: Self.failure("demand: forecast\nreplications: \(replications)\nseed: \(seed)\n"), snapshot: snapshot)
            return try await ScenarioRun.run(snapshot: snapshot, plan: plan, spec: spec, searchBuffers: false)
        }
        let first = try await run(seed: 3)
        let again = try await run(seed: 3)
        let other = try await run(seed: 4)
        #expect(first.demand == "forecast" && first.replications == 30 && first.seed == 3)
        let encode = { (d: ScenarioDocument) in try JSONValueEncoder().encode(d) }
        #expect(try encode(first) == encode(again))
        #expect(try encode(first) != encode(other))
        let fill = first.locations[0].fillRate
        #expect(!fill.delta.low.isNaN && fill.delta.low <= fill.delta.mean && fill.delta.mean <= fill.delta.high)
        // One replication is a draw too (not the history), with no interval.
        let one = try await run(seed: 3, replications: 1)
        #expect(one.locations[0].fillRate.delta.low.isNaN)
        let history = try await ScenarioRun.run(
            snapshot: snapshot, plan: plan, spec: try ScenarioSpecReader.read(yaml: Self.failure(), snapshot: snapshot),
            searchBuffers: false)
        #expect(try encode(one) != encode(history))
    }
}
