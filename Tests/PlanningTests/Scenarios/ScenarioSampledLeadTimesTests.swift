import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Scenario runs: lead times drawn order by order, and prices valued period by period")
struct ScenarioSampledLeadTimesTests {
    /// ScenarioModesTests' company with S1's lead time varying (σ = `sd` days).
    static func snapshot(sd: Double) -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("STEADY", cost: 5, category: "pumps")
        b.source("STEADY", at: "DC", from: "S1", leadTime: 14, leadTimeSD: sd)
        b.demand("STEADY", at: "DC", [Double](repeating: 10, count: 104))
        return b.build()
    }

    static func spec(_ header: String, _ shock: String = "  - kind: demand\n    factor: 1.2\n") -> String {
        "name: Drawn lead times\n\(header)shocks:\n\(shock)"
    }

    static func run(_ snapshot: Snapshot, _ yaml: String) async throws -> ScenarioDocument {
        let plan = await PlanRun.run(snapshot: snapshot)
        let spec = try ScenarioSpecReader.read(yaml: yaml, snapshot: snapshot)
        return try await ScenarioRun.run(snapshot: snapshot, plan: plan, spec: spec, searchBuffers: false)
    }

    static func encoded(_ groups: [ScenarioDocument.Group]) throws -> JSONValue {
        try JSONValueEncoder().encode(groups)
    }

    @Test("lead times that do not vary (σ = 0, no receipts): sampling them changes nothing")
    func fixedLeadTimes() async throws {
        let snapshot = ScenarioModesTests.snapshot()
        let mean = try await Self.run(snapshot, Self.spec("replications: 5\nseed: 2\n"))
        let sampled = try await Self.run(snapshot, Self.spec("replications: 5\nseed: 2\nlead_times: sampled\n"))
        #expect(mean.leadTimes == "mean" && sampled.leadTimes == "sampled")
        #expect(try Self.encoded(mean.classes + mean.locations) == Self.encoded(sampled.classes + sampled.locations))
    }

    @Test("varying lead times: the baseline changes, the same seed gives the same run and another seed another")
    func varyingLeadTimes() async throws {
        let snapshot = Self.snapshot(sd: 7)
        let mean = try await Self.run(snapshot, Self.spec("replications: 10\nseed: 4\n"))
        let first = try await Self.run(snapshot, Self.spec("replications: 10\nseed: 4\nlead_times: sampled\n"))
        let again = try await Self.run(snapshot, Self.spec("replications: 10\nseed: 4\nlead_times: sampled\n"))
        let other = try await Self.run(snapshot, Self.spec("replications: 10\nseed: 5\nlead_times: sampled\n"))
        #expect(try Self.encoded(first.locations) == Self.encoded(again.locations))
        #expect(try Self.encoded(first.locations) != Self.encoded(other.locations))
        #expect(first.locations[0].averageOnHandValue.baseline != mean.locations[0].averageOnHandValue.baseline)
        let delta = first.locations[0].fillRate.delta
        #expect(!delta.low.isNaN && delta.low <= delta.mean && delta.mean <= delta.high)
    }

    @Test(
        "a lead-time shock applies to each drawn lead time: +14 days over the whole replay lowers service against the unshocked draws"
    )
    func shockOnDrawnLeadTimes() async throws {
        let snapshot = Self.snapshot(sd: 7)
        let document = try await Self.run(
            snapshot, Self.spec("replications: 10\nseed: 4\nlead_times: sampled\n", "  - kind: lead_time\n    add_days: 14\n"))
        let fill = document.locations[0].fillRate
        #expect(fill.shocked < fill.baseline, "\(fill)")
    }

    @Test(
        "a price rise for one week values that week's stock at the new price: Σ on hand × the week's price ÷ weeks, not the average on hand × the average price"
    )
    func pricePerPeriod() async throws {
        let snapshot = Self.snapshot(sd: 0)
        let plan = await PlanRun.run(snapshot: snapshot)
        let yaml = Self.spec("", "  - kind: price\n    factor: 3\n    from: start+7\n    to: start+13\n")
        let spec = try ScenarioSpecReader.read(yaml: yaml, snapshot: snapshot)
        let document = try await ScenarioRun.run(snapshot: snapshot, plan: plan, spec: spec, searchBuffers: false)
        let trace = try await PolicyBacktest.trace(
            snapshot: snapshot, plan: plan, itemID: "STEADY", locationID: "DC",
            options: PolicyBacktestOptions(leadTimes: .mean, splitSourcing: false))
        let onHand = trace.periods.map(\.simulatedOnHand)
        let weeks = Double(onHand.count)
        let priced = 5 * (onHand.reduce(0, +) + 2 * onHand[1]) / weeks
        let averaged = 5 * onHand.reduce(0, +) / weeks * (1 + 2 / weeks)
        let value = document.locations[0].averageOnHandValue
        #expect(abs(value.baseline - 5 * onHand.reduce(0, +) / weeks) < 1e-9)
        #expect(abs(value.shocked - priced) < 1e-9, "\(value.shocked) vs \(priced)")
        #expect(abs(priced - averaged) > 1e-3, "week 1's stock differs from the average, so the two rules differ")
    }
}
