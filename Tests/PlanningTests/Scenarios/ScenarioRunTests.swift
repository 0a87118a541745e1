import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Scenarios and stress tests on the plan's policies (procura scenario)")
struct ScenarioRunTests {
    /// Steady demand of 10 a week for two years at DC from S1 (14 days); OTHER from S2 at DC.
    static func snapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.supplier("S2")
        b.item("STEADY", cost: 5, category: "pumps")
        b.source("STEADY", at: "DC", from: "S1", leadTime: 14)
        b.demand("STEADY", at: "DC", [Double](repeating: 10, count: 104))
        b.item("OTHER", cost: 2, category: "valves")
        b.source("OTHER", at: "DC", from: "S2", leadTime: 14)
        b.demand("OTHER", at: "DC", [Double](repeating: 4, count: 104))
        return b.build()
    }

    @Test("a shock that changes nothing: the baseline is the back-test, every delta zero, nothing breaks")
    func neutralShock() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let backtest = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        let spec = try ScenarioSpecReader.read(
            yaml: "name: Same\nshocks:\n  - kind: demand\n    factor: 1\n", snapshot: snapshot)
        let d = try await ScenarioRun.run(snapshot: snapshot, plan: plan, spec: spec)
        #expect(d.periods == 52 && d.period == "week" && d.itemLocations == 2 && d.shockedItemLocations == 2)
        #expect(d.breaking.isEmpty)
        let fill = backtest.lines.map { $0.fillRate ?? .nan }
        #expect(fill == [1, 1])
        for g in d.classes + d.locations {
            #expect(g.fillRate.baseline == 1 && g.fillRate.delta.mean == 0)
            #expect(g.stockoutPeriods.delta.mean == 0 && g.averageOnHandValue.delta.mean == 0)
            #expect(g.fillRate.delta.low.isNaN, "one replication: no interval")
        }
        // Σ average on hand × cost over the back-test's lines.
        let value = backtest.lines.reduce(0.0) { $0 + $1.simulatedAverageOnHand * snapshot.items[Int($1.item)].unitCost }
        let location = try #require(d.locations.first)
        #expect(abs(location.averageOnHandValue.baseline - value) < 1e-9)
    }

    @Test(
        "S1 delivers nothing from week 6 on: STEADY breaks (fill rate falls), OTHER is untouched, and the extra buffer found holds the target"
    )
    func supplierFailure() async throws {
        // Measured by fill rate: one long cycle without receipts costs the cycle service level
        // little, the units served late show in the fill rate.
        var snapshot = Self.snapshot()
        snapshot.settings.policy.serviceMeasure = .fillRate
        let plan = await PlanRun.run(snapshot: snapshot)
        let yaml = """
            name: S1 fails
            shocks:
              - kind: supplier_failure
                supplier: S1
                from: start+35
                to: end-0
            """
        let spec = try ScenarioSpecReader.read(yaml: yaml, snapshot: snapshot)
        let d = try await ScenarioRun.run(snapshot: snapshot, plan: plan, spec: spec)
        #expect(
            d.shockedItemLocations == 1,
            "\(d.locations.map { ($0.fillRate.baseline, $0.fillRate.shocked, $0.stockoutPeriods.shocked) }) \(d.measure)")
        #expect(
            d.shocks == [
                "supplier failure (deliveries due in the window arrive when it ends), supplier S1, 2026-03-09 … 2026-05-03 (line 3)"
            ] || d.shocks.count == 1, "\(d.shocks)")
        let broken = try #require(d.breaking.first)
        #expect(d.breaking.count == 1 && broken.itemId == "STEADY")
        #expect(broken.baselineAchieved >= broken.target - 0.05 && broken.shockedAchieved < broken.target - 0.05)
        #expect(broken.extraBuffer > 0 && broken.extraBufferValue == broken.extraBuffer * 5 && broken.bufferNote.isEmpty)
        // 47 weeks of 10 without deliveries: at most 470 units more stock are ever needed.
        #expect(broken.extraBuffer <= 470)
        let location = try #require(d.locations.first)
        #expect(location.fillRate.shocked < location.fillRate.baseline && location.stockoutPeriods.delta.mean > 0)

        // Bootstrap: 10 replications, the same seed gives the same figures; intervals around the mean.
        let again = try await ScenarioRun.planned(snapshot: snapshot, yaml: yaml, replications: 10, seed: 3)
        let twice = try await ScenarioRun.planned(snapshot: snapshot, yaml: yaml, replications: 10, seed: 3)
        let f = try #require(again.locations.first).fillRate.delta
        #expect(f.low <= f.mean && f.mean <= f.high)
        #expect(try #require(twice.locations.first).fillRate.delta.mean == f.mean)
    }

    @Test("a spec with an unknown supplier and a negative factor: refused with lines and fields, nothing runs")
    func refusedSpec() async {
        do {
            _ = try await ScenarioRun.planned(
                snapshot: Self.snapshot(),
                yaml: "name: Bad\nshocks:\n  - kind: supplier_failure\n    supplier: ACME\n  - kind: demand\n    factor: -1\n")
            Issue.record("the spec ran")
        } catch {
            #expect(
                error.message
                    == "the scenario spec is not valid — line 4, shocks[0].supplier: unknown supplier 'ACME'; line 6, shocks[1].factor: expected a number > 0 (at most 1000), got '-1'"
            )
        }
        do {
            _ = try await ScenarioRun.plannedStressTests(snapshot: Self.snapshot(), only: "meteor")
            Issue.record("ran")
        } catch {
            #expect(
                error.message
                    == "no stress test named 'meteor' — expected one of port-closure, supplier-loss, worst-lead-time-month")
        }
    }

    @Test("stress tests on the small company: the port closure and the supplier loss run; the worst month needs receipts")
    func stressTests() async throws {
        let snapshot = Self.snapshot()
        let document = try await ScenarioRun.plannedStressTests(snapshot: snapshot, only: "supplier-loss")
        #expect(document.tests.count == 1)
        #expect(
            document.tests[0].notes == [
                "shocks[0].supplier: largest single-source supplier S1 (the only source of 1 item-locations)"
            ])
        let port = try await ScenarioRun.plannedStressTests(snapshot: snapshot, only: "port-closure")
        #expect(port.tests[0].shockedItemLocations == 2)
        do {
            _ = try await ScenarioRun.plannedStressTests(snapshot: snapshot)
            Issue.record("ran without receipts")
        } catch {
            #expect(
                error.message.contains(
                    "line 6, shocks[0].factor: worst-observed-month needs receipts on catalog lines; the data has none"),
                "\(error.message)")
        }
    }
}
