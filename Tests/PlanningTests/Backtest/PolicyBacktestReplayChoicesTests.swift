import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Simulation
import Testing

/// The back-test's replay choices: the receipts' lead times order by order, split sourcing, lost
/// sales, a policies file, the days above the maximum — each line checked against the engine run
/// by hand on the same inputs.
@Suite("Policy back-test: per-order lead times, split sourcing, lost sales, a policies file, above the maximum")
struct PolicyBacktestReplayChoicesTests {
    static func day(_ s: String) -> Day { Day(iso: s)! }

    /// The policy the back-test replays for a plan row (parameters rounded up to whole units).
    static func replayed(_ row: PlanRow) throws -> ReplenishmentPolicy {
        let v = row.policy.final
        func up(_ x: Double) -> Int { Int((x - 1e-9).rounded(.up)) }
        switch row.policy.policyType {
        case .sQ: return .sQ(s: up(v.reorderPoint), q: max(1, up(v.orderQuantity)))
        case .sS: return .sS(s: up(v.reorderPoint), bigS: up(v.orderUpToLevel))
        case .rsS: return .rsS(r: 1, s: up(v.reorderPoint), bigS: up(v.orderUpToLevel), offset: 0)
        case .rS: return .rS(r: 1, bigS: up(v.orderUpToLevel), offset: 0)
        default: throw PolicyError(code: .invalidInput, message: "unexpected policy \(row.policy.policyType)")
        }
    }

    /// The opening stock of a replay without recorded stock: the order-up-to level.
    static func assumedStart(_ p: ReplenishmentPolicy) -> Int { p.maximumLevel }

    /// The last 52 weeks of the slowing supplier's item's demand, in whole units.
    static let slowingDemand: [Int32] = (52..<104).map { k in Int32(20 + (k % 4) * 5) }

    /// A steady item with receipts: four orders took a week, the next four five weeks.
    static func slowingSupplier() -> Snapshot {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("SLOWING", cost: 5)
        b.source("SLOWING", at: "DC", from: "S1", leadTime: 7)
        b.demand("SLOWING", at: "DC", (0..<104).map { 20 + Double($0 % 4) * 5 })
        var snapshot = b.build()
        let start = day("2026-01-05")
        snapshot.receipts = (0..<8).map { k in
            let ordered = start.adding(days: 28 * k)
            return Receipt(
                orderID: "PO-\(k)", item: 0, location: 0, supplier: 0, orderDate: ordered,
                receiptDate: ordered.adding(days: k < 4 ? 7 : 35), quantity: 100, orderedQuantity: 100)
        }
        return snapshot
    }

    @Test(
        "per order: each replayed order takes the lead time of the last real order placed by the end of its week — 1 week until the order of 2026-04-27, then 5 — exactly the engine's replay with those lead times"
    )
    func perOrderLeadTimes() async throws {
        let snapshot = Self.slowingSupplier()
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        #expect(report.leadTimes == .perOrder)
        let line = try #require(report.lines.first)
        #expect(line.leadTimeObserved && line.leadTimeRange == 1...5, "\(String(describing: line.leadTimeRange))")
        #expect(line.leadTimeBuckets == 3, "the receipts' mean, 21 days, is 3 weeks")

        // By hand: the window's weeks (Monday … Sunday) from 2025-12-01.
        let weeks = (0..<52).map { Self.day("2025-12-01").adding(days: 7 * $0 + 6) }
        let lead: [Int32] = weeks.map { $0 >= Self.day("2026-04-27") ? 5 : 1 }
        let policy = try Self.replayed(try #require(plan.rows.first))
        var input = PolicySimulationInput(
            policies: [policy], leadTimes: [3], initialOnHand: [Self.assumedStart(policy)], unmetDemand: .backorder,
            days: 52, demand: Self.slowingDemand)
        input.dailyLeadTimes = lead
        input.dailyLeadTimeRows = [0]
        let byHand = try await PolicySimulation.run(input).rows[0]
        #expect(line.simulatedAverageOnHand == byHand.averageOnHand)
        #expect(line.simulatedStockoutBuckets == byHand.stockoutDays)
        #expect(line.fillRate == byHand.fillRate)

        // Their mean instead: every order 3 weeks, no range.
        let mean = try await PolicyBacktest.run(snapshot: snapshot, plan: plan, options: .init(leadTimes: .mean))
        let meanLine = try #require(mean.lines.first)
        #expect(meanLine.leadTimeRange == nil && meanLine.leadTimeBuckets == 3)
        let fixed = try await PolicySimulation.run(
            PolicySimulationInput(
                policies: [policy], leadTimes: [3], initialOnHand: [Self.assumedStart(policy)], unmetDemand: .backorder,
                days: 52, demand: Self.slowingDemand)
        ).rows[0]
        #expect(meanLine.simulatedAverageOnHand == fixed.averageOnHand)
        #expect(meanLine.simulatedAverageOnHand != line.simulatedAverageOnHand)
    }

    @Test(
        "split sourcing: 70 % from a one-week source, 30 % from a four-week one — each order shared by the largest remainder, each part on its source's lead time; off: the main source takes all"
    )
    func splitSourcing() async throws {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("NEAR")
        b.supplier("FAR")
        b.item("TWO", cost: 5)
        b.source("TWO", at: "DC", from: "NEAR", leadTime: 7, share: 0.7)
        b.source("TWO", at: "DC", from: "FAR", leadTime: 28, share: 0.3)
        b.demand("TWO", at: "DC", (0..<104).map { 30 + Double($0 % 5) * 4 })
        let snapshot = b.build()
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        #expect(report.splitSourcing)
        let line = try #require(report.lines.first)
        #expect(line.sources == 2)
        let row = try #require(plan.rows.first)
        let policy = try Self.replayed(row)
        let demand: [Int32] = (52..<104).map { k in Int32(30 + (k % 5) * 4) }
        // The plan's sources in its order, with their shares.
        let shares = row.policy.input.sources.filter { $0.rule.share > 0 }.map(\.rule.share)
        let leads = row.policy.input.sources.filter { $0.rule.share > 0 }.map { Int32(($0.rule.leadTimeDays / 7).rounded()) }
        var input = PolicySimulationInput(
            policies: [policy], leadTimes: [1], initialOnHand: [Self.assumedStart(policy)], unmetDemand: .backorder,
            days: 52, demand: demand)
        input.sourceSplits = [0: SourceSplit(shares: shares, leadTimes: leads.map { Array(repeating: $0, count: 52) })]
        let byHand = try await PolicySimulation.run(input).rows[0]
        #expect(line.simulatedAverageOnHand == byHand.averageOnHand)
        #expect(line.fillRate == byHand.fillRate)

        let single = try await PolicyBacktest.run(snapshot: snapshot, plan: plan, options: .init(splitSourcing: false))
        let mainOnly = try #require(single.lines.first)
        #expect(mainOnly.sources == 1 && mainOnly.leadTimeBuckets == 1)
        #expect(mainOnly.simulatedAverageOnHand != line.simulatedAverageOnHand)
    }

    @Test("the parts of an order add up to it, none more than a unit off its share, ties to the earlier source")
    func largestRemainder() {
        #expect(SourceSplit.parts(of: 10, shares: [0.7, 0.3]) == [7, 3])
        #expect(SourceSplit.parts(of: 5, shares: [1, 1, 1]) == [2, 2, 1])
        #expect(SourceSplit.parts(of: 1, shares: [0.5, 0.5]) == [1, 0])
        #expect(SourceSplit.parts(of: 7, shares: [0.2, 0.5, 0.3]) == [1, 4, 2])
        #expect(SourceSplit.parts(of: 0, shares: [0.2, 0.8]) == [0, 0])
        var generator = Xoshiro256StarStar(seed: 11)
        for _ in 0..<2000 {
            let n = Int.random(in: 1...6, using: &generator)
            let shares = (0..<n).map { _ in Double.random(in: 0.01...5, using: &generator) }
            let q = Int.random(in: 0...100_000, using: &generator)
            let parts = SourceSplit.parts(of: q, shares: shares)
            #expect(parts.reduce(0, +) == q)
            let total = shares.reduce(0, +)
            for (k, part) in parts.enumerated() { #expect(abs(Double(part) - Double(q) * shares[k] / total) < 1 + 1e-9) }
        }
        #expect(SourceSplit.main([0.3, 0.7]) == 1 && SourceSplit.main([0.5, 0.5]) == 0)
    }

    @Test(
        "lost sales: demand short of stock (spikes of 1,000 against 10 a week) is gone — the line is the engine's lost-sales replay, and differs from backorders"
    )
    func lostSales() async throws {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("JUMP", cost: 5)
        b.source("JUMP", at: "DC", from: "S1", leadTime: 14)
        b.demand("JUMP", at: "DC", (0..<104).map { $0 % 26 == 25 ? 1000 : 10 })
        let snapshot = b.build()
        let plan = await PlanRun.run(snapshot: snapshot)
        let lost = try await PolicyBacktest.run(snapshot: snapshot, plan: plan, options: .init(unmetDemand: .lostSales))
        let backordered = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        #expect(lost.unmetDemand == .lostSales && backordered.unmetDemand == .backorder)
        let line = try #require(lost.lines.first)
        let policy = try Self.replayed(try #require(plan.rows.first))
        let demand: [Int32] = (52..<104).map { $0 % 26 == 25 ? 1000 : 10 }
        let byHand = try await PolicySimulation.run(
            PolicySimulationInput(
                policies: [policy], leadTimes: [2], initialOnHand: [Self.assumedStart(policy)], unmetDemand: .lostSales,
                days: 52, demand: demand)
        ).rows[0]
        #expect(line.simulatedAverageOnHand == byHand.averageOnHand && line.fillRate == byHand.fillRate)
        #expect(byHand.unitsShort > 0, "the spikes run short")
        #expect(line.simulatedAverageOnHand != backordered.lines[0].simulatedAverageOnHand)
    }

    @Test(
        "a policies file: only its item-locations are replayed, with its policy type and parameters; unknown or repeated lines are refused naming their line"
    )
    func policiesFile() async throws {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        for id in ["A1", "A2"] {
            b.item(id, cost: 5)
            b.source(id, at: "DC", from: "S1", leadTime: 14)
            b.demand(id, at: "DC", [Double](repeating: 10, count: 104))
        }
        let snapshot = b.build()
        let plan = await PlanRun.run(snapshot: snapshot)
        let file = [
            PolicyParameterLine(
                origin: "policies.csv:2", itemID: "A2", locationID: "DC", policyType: .sS, reorderPoint: 30, orderUpToLevel: 60)
        ]
        let report = try await PolicyBacktest.run(snapshot: snapshot, plan: plan, options: .init(policies: file))
        #expect(report.policiesFromFile)
        #expect(report.lines.count == 1)
        let line = try #require(report.lines.first)
        #expect(snapshot.items[Int(line.item)].id == "A2" && line.policyType == .sS && line.parameters == "s=30 S=60")
        #expect(line.maximum == 60)
        let byHand = try await PolicySimulation.run(
            PolicySimulationInput(
                policies: [.sS(s: 30, bigS: 60)], leadTimes: [2], initialOnHand: [60], unmetDemand: .backorder, days: 52,
                demand: [Int32](repeating: 10, count: 52))
        ).rows[0]
        #expect(line.simulatedAverageOnHand == byHand.averageOnHand)

        func refusal(_ lines: [PolicyParameterLine]) async -> String? {
            do {
                _ = try await PolicyBacktest.run(snapshot: snapshot, plan: plan, options: .init(policies: lines))
                return nil
            } catch { return error.message }
        }
        let bad = [
            PolicyParameterLine(
                origin: "p.csv:2", itemID: "NOPE", locationID: "DC", policyType: .sQ, reorderPoint: 1, orderQuantity: 2),
            PolicyParameterLine(
                origin: "p.csv:3", itemID: "A1", locationID: "XX", policyType: .sQ, reorderPoint: 1, orderQuantity: 2),
            PolicyParameterLine(
                origin: "p.csv:4", itemID: "A1", locationID: "DC", policyType: .sQ, reorderPoint: 1, orderQuantity: 2),
            PolicyParameterLine(
                origin: "p.csv:5", itemID: "A1", locationID: "DC", policyType: .sQ, reorderPoint: 1, orderQuantity: 2),
        ]
        #expect(
            await refusal(bad)
                == "p.csv:2: item 'NOPE' is not in the data\np.csv:3: location 'XX' is not in the data\np.csv:5: item 'A1' at 'DC' is listed again (first at p.csv:4)"
        )
        #expect(await refusal([]) == "the policies file lists no policy")
    }

    @Test(
        "above the maximum: owned and consignment stock of a day are added up (start 500, recorded average 500); recorded month ends above the maximum counted, and the simulated weeks until the opening surplus is used up"
    )
    func aboveMaximum() async throws {
        var b = SnapshotBuilder()
        b.location("DC")
        b.supplier("S1")
        b.item("FULL", cost: 5)
        b.source("FULL", at: "DC", from: "S1", leadTime: 14)
        b.demand("FULL", at: "DC", [Double](repeating: 10, count: 104))
        var snapshot = b.build()
        let monthEnds = [
            "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
            "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
        ]
        snapshot.stockHistory = monthEnds.flatMap { d in
            [
                StockHistoryPoint(date: Self.day(d), item: 0, location: 0, ownership: .owned, onHand: 300),
                StockHistoryPoint(date: Self.day(d), item: 0, location: 0, ownership: .consignment, onHand: 200),
            ]
        }
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = try await PolicyBacktest.run(snapshot: snapshot, plan: plan)
        let line = try #require(report.lines.first)
        #expect(line.startRecorded)
        #expect(line.recordedAverageOnHand == 500)
        #expect(line.recordedDaysAboveMaximum == 11, "the 11 month ends inside the window")
        let policy = try Self.replayed(try #require(plan.rows.first))
        // From 500, 10 a week; no order while the position is above s, and none brings it above the maximum.
        let expected = (0..<52).filter { 500 - 10 * ($0 + 1) > policy.maximumLevel }.count
        #expect(
            expected > 0 && line.simulatedBucketsAboveMaximum == expected, "\(line.simulatedBucketsAboveMaximum) vs \(expected)")
    }

    @Test(
        "the trace of one item-location is its line of the whole back-test, period by period, with the recorded stock at each period's end"
    )
    func trace() async throws {
        let snapshot = Self.slowingSupplier()
        let plan = await PlanRun.run(snapshot: snapshot)
        let report = PolicyBacktestDocument(try await PolicyBacktest.run(snapshot: snapshot, plan: plan), snapshot: snapshot)
        let trace = try await PolicyBacktest.trace(snapshot: snapshot, plan: plan, itemID: "SLOWING", locationID: "DC")
        #expect(trace.periods.count == 52 && trace.from == "2025-12-01" && trace.to == "2026-11-29")
        #expect(trace.line.simulatedAverageOnHand == report.lines[0].simulatedAverageOnHand)
        #expect(trace.line.leadTimeBasis == "observed_per_order")
        let mean = trace.periods.map(\.simulatedOnHand).reduce(0, +) / 52
        #expect(abs(mean - trace.line.simulatedAverageOnHand) < 1e-9)
        let expectedDemand: [Double] = (52..<104).map { k in 20 + Double(k % 4) * 5 }
        #expect(trace.periods.map(\.demand) == expectedDemand)
        #expect(trace.periods.allSatisfy { $0.recordedOnHand == nil }, "no stock history")
        #expect(trace.periods.filter { $0.ordered > 0 }.allSatisfy { $0.orderLeadTime != nil })

        func refusal(_ item: String, _ location: String) async -> String? {
            do {
                _ = try await PolicyBacktest.trace(snapshot: snapshot, plan: plan, itemID: item, locationID: location)
                return nil
            } catch { return error.message }
        }
        #expect(await refusal("NOPE", "DC") == "item 'NOPE' is not in the data")
        #expect(await refusal("SLOWING", "XX") == "location 'XX' is not in the data")
    }
}
