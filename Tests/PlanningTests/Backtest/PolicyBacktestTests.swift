import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Policy back-test of the plan (procura backtest)")
struct PolicyBacktestTests {
    /// Steady demand of 10 a week for two years, a 14-day lead time; and an item whose demand
    /// falls from 40 to 5 a week for the last quarter (the plan sizes its policy for the low level).
    static func snapshot() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("STEADY", cost: 5)
        b.source("STEADY", at: "DC", from: "S1", leadTime: 14)
        b.demand("STEADY", at: "DC", [Double](repeating: 10, count: 104))
        b.item("JUMP", cost: 5)
        b.source("JUMP", at: "DC", from: "S1", leadTime: 14)
        b.demand("JUMP", at: "DC", [Double](repeating: 40, count: 91) + [Double](repeating: 5, count: 13))
        return b.build()
    }

    @Test("steady demand: the policy holds (every unit served), replayed from the order-up-to level over the last 52 weeks")
    func steadyDemandHolds() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        #expect(report.buckets == 52 && report.bucket == .week)
        #expect(report.to == Day(year: 2026, month: 11, day: 29))
        let steady = try #require(report.lines.first { snapshot.items[Int($0.item)].id == "STEADY" })
        #expect(steady.fillRate == 1)
        #expect(steady.status == .ok && steady.causes.isEmpty)
        #expect(steady.leadTimeBuckets == 2)
        #expect(!steady.startRecorded, "no stock history before the count: the replay starts at the order-up-to level")
        #expect(report.skipped.isEmpty)

        // The line is the single back-test of the same policy over the same demand.
        let row = try #require(plan.rows.first { snapshot.items[Int($0.item)].id == "STEADY" })
        let values = row.policy.final
        let policy: ReplenishmentPolicy
        switch row.policy.policyType {
        case .sQ:
            policy = .sQ(s: Int(values.reorderPoint.rounded(.up)), q: Int(values.orderQuantity.rounded(.up)))
        case .sS:
            policy = .sS(s: Int(values.reorderPoint.rounded(.up)), bigS: Int(values.orderUpToLevel.rounded(.up)))
        case .rsS:
            policy = .rsS(
                r: 1, s: Int(values.reorderPoint.rounded(.up)), bigS: Int(values.orderUpToLevel.rounded(.up)), offset: 0)
        default:
            Issue.record("unexpected policy \(row.policy.policyType)")
            return
        }
        let start: Int
        switch policy {
        case .sQ(let s, let q): start = s + q
        case .sS(_, let bigS), .rsS(_, _, let bigS, _): start = bigS
        default: start = 0
        }
        let single = try await PolicySimulation.run(
            PolicySimulationInput(
                policies: [policy], leadTimes: [2], initialOnHand: [start], unmetDemand: .backorder, days: 52,
                demand: [Int32](repeating: 10, count: 52)))
        #expect(single.rows[0].averageOnHand == steady.simulatedAverageOnHand)
        #expect(single.rows[0].stockoutDays == steady.simulatedStockoutBuckets)
    }

    @Test(
        "demand that fell in the last quarter: the policy sized for the new level misses over the year, and the causes name the shift"
    )
    func demandJumpIsExplained() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        let jump = try #require(report.lines.first { snapshot.items[Int($0.item)].id == "JUMP" })
        #expect(jump.status != .ok)
        #expect(jump.causes.contains { $0.hasPrefix("demand shift: the window's second half averages") }, "\(jump.causes)")
        let classCount = report.classes.reduce(0) { $0 + $1.itemLocations }
        #expect(classCount == report.lines.count)
    }

    @Test("a window without complete buckets, from after to, a bad tolerance: errors naming the dates and values")
    func windowErrors() async throws {
        let snapshot = Self.snapshot()
        let plan = await PlanRun.run(snapshot: snapshot)
        func message(_ options: PolicyBacktestOptions) async -> String? {
            do {
                _ = try await PolicyBacktest.run(snapshot: snapshot, plan: plan, options: options)
                return nil
            } catch {
                return error.message
            }
        }
        let day = { (text: String) in Day(iso: text)! }
        #expect(await message(.init(from: day("2026-06-01"), to: day("2026-05-01"))) == "from 2026-06-01 is after to 2026-05-01")
        let early = await message(.init(from: day("2019-01-01"), to: day("2019-06-30")))
        #expect(
            early?.hasPrefix(
                "no complete week of demand history between 2019-01-01 and 2019-06-30 — the history's complete buckets run ")
                == true, "\(early ?? "")")
        #expect(await message(.init(tolerance: 1.5)) == "tolerance must be from 0 to below 1, got 1.5")
        // A window of its own: the 13 weeks of the jump only.
        let last = try await PolicyBacktest.run(
            snapshot: snapshot, plan: plan, options: .init(from: day("2026-09-01"), to: day("2026-11-29")))
        #expect(last.buckets == 12 && last.from == day("2026-09-07"))
    }

    @Test(
        "receipts that take three weeks against a one-week catalog: replayed with the lead time that happened, and the plan's proposal replayed beside the policy holds better"
    )
    func driftedLeadTime() async throws {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("SLOW", cost: 5)
        b.source("SLOW", at: "DC", from: "S1", leadTime: 7, leadTimeSD: 1)
        b.demand("SLOW", at: "DC", (0..<104).map { 20 + Double($0 % 3) * 5 })
        var snapshot = b.build()
        let start = Day(year: 2026, month: 1, day: 5)!
        snapshot.receipts = (0..<8).map { k in
            let ordered = start.adding(days: 28 * k)
            return Receipt(
                orderID: "PO-\(k)", item: 0, location: 0, supplier: 0, orderDate: ordered, dueDate: ordered.adding(days: 7),
                receiptDate: ordered.adding(days: 21 + k % 2), quantity: 100, orderedQuantity: 100)
        }
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        let line = try #require(report.lines.first)
        #expect(line.leadTimeObserved && line.leadTimeBuckets == 3, "21.5 days observed → 3 weeks")
        let proposal = try #require(line.proposal, "the plan proposes new parameters for the drifted lead time")
        #expect(proposal.parameters != line.parameters)
        #expect((proposal.fillRate ?? 0) > (line.fillRate ?? 1), "\(proposal.fillRate ?? .nan) vs \(line.fillRate ?? .nan)")
        if line.status == .belowTarget {
            #expect(
                line.causes.contains {
                    $0.hasPrefix("lead time longer than the policy assumes (catalog): 21.5 d observed over 8 receipts")
                })
        }
    }
}
