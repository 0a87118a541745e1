import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Do the buffers hold? Extra buffers replayed under a scenario's shocks")
struct ScenarioBufferCheckTests {
    static let steady = ItemLocation(item: 0, location: 0)

    /// STEADY sells 70 a week (10 a day) from S1 alone (14 days): its average inventory lasts far
    /// less than the 56 + 14 days it takes to recover — exposed, and a buffer is cheaper to hold
    /// than a second source.
    static func snapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("STEADY", cost: 5, category: "pumps")
        b.source("STEADY", at: "DC", from: "S1", leadTime: 14)
        b.demand("STEADY", at: "DC", [Double](repeating: 70, count: 104))
        return b.build()
    }

    /// S1 stops taking orders for 56 days from the 92nd day (order-pausing).
    static func outage(_ snapshot: Snapshot) throws -> ScenarioSpec {
        try ScenarioSpecReader.read(
            yaml: """
                name: S1 stops for 8 weeks
                shocks:
                  - kind: supplier_failure
                    supplier: S1
                    mode: order
                    from: start+91
                    to: start+146
                """, snapshot: snapshot)
    }

    @Test(
        "no buffer changes nothing; a large one holds the target; the current replay is the scenario's shocked replay of the same item-location"
    )
    func verdicts() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let spec = try Self.outage(snapshot)
        let none = try await ScenarioRun.checkBuffers(snapshot: snapshot, plan: plan, spec: spec, buffers: [Self.steady: 0])
        let line = try #require(none.lines.first)
        #expect(none.checked == 1 && line.itemId == "STEADY" && line.extraBuffer == 0)
        #expect(line.currentAchieved == line.bufferedAchieved)
        let scenario = try await ScenarioRun.run(snapshot: snapshot, plan: plan, spec: spec, searchBuffers: false)
        let breaking = try #require(scenario.breaking.first, "eight weeks without orders break STEADY's target")
        #expect(line.currentAchieved == breaking.shockedAchieved && line.baselineAchieved == breaking.baselineAchieved)
        #expect(line.verdict == "buffer_short" && none.bufferShort == 1)

        let large = try await ScenarioRun.checkBuffers(
            snapshot: snapshot, plan: plan, spec: spec, buffers: [Self.steady: 5000])
        let held = try #require(large.lines.first)
        #expect(held.verdict == "buffer_holds" && held.bufferedAchieved >= held.target - 0.05, "\(held)")
        #expect(held.currentAchieved == line.currentAchieved)
    }

    @Test("a buffer that is negative or not a number is refused by item and location")
    func badBuffer() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let spec = try Self.outage(snapshot)
        do {
            _ = try await ScenarioRun.checkBuffers(snapshot: snapshot, plan: plan, spec: spec, buffers: [Self.steady: -1])
            Issue.record("a negative buffer was accepted")
        } catch {
            #expect(error.message == "the extra buffer of STEADY at DC must be a number ≥ 0, got -1.0")
        }
    }

    @Test(
        "the exposure's recommended buffer is checked against the disruption it was sized for: its supplier stops taking orders for min(recovery, qualification) days"
    )
    func exposureBuffers() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try SupplyRiskReport.run(snapshot: snapshot, plan: plan)
        let exposure = try #require(report.lines.first)
        #expect(exposure.exposed && exposure.recommendation == "buffer")
        let check = try await SupplyRiskBufferCheck.run(snapshot: snapshot, plan: plan)
        #expect(check.scenario == "Every source of a buffered item-location stops for 56 days")
        #expect(
            check.shocks.first?.hasPrefix("supplier failure, order-pausing (no orders are placed in the window), supplier S1")
                == true)
        let line = try #require(check.lines.first)
        // The replay's unit is one (whole demand): the buffer rounded up.
        #expect(line.extraBuffer == exposure.extraBuffer.rounded(.up))
        #expect(check.checked == 1 && check.holdsAlready + check.bufferHolds + check.bufferShort == 1)
        do {
            _ = try await SupplyRiskBufferCheck.run(snapshot: snapshot, plan: plan, replications: 0)
            Issue.record("0 replications were accepted")
        } catch {
            #expect(error.message == "replications must be a whole number from 1 to 1000, got 0")
        }
    }
}
