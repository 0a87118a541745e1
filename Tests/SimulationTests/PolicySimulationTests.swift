import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Many item-locations at once (PolicySimulation)")
struct PolicySimulationTests {
    @Test("each row equals the single back-test of the same policy, lead time and demand (the reference cases as rows)")
    func rowsEqualBacktests() async throws {
        let file = try ReferenceFile("policy_backtest.json")
        var inputs: [BacktestInput] = []
        for c in file.cases {
            let input = try JSONValueDecoder().decode(BacktestInput.self, from: c["args"])
            if input.leadTime != nil { inputs.append(input) }
        }
        #expect(inputs.count >= 6)
        for unmet in [PolicySimulationInput.UnmetDemand.backorder, .lostSales] {
            // Rows need one length: cut every history to the shortest.
            let days = inputs.map(\.demand.count).min() ?? 0
            var cases = inputs.map { input -> BacktestInput in
                var cut = input
                cut.demand = Array(input.demand.prefix(days))
                cut.unmetDemand = unmet.rawValue
                return cut
            }
            cases += cases  // more rows than chunks of one
            let batch = try await PolicySimulation.run(
                PolicySimulationInput(
                    policies: try cases.map { try $0.replenishmentPolicy() }, leadTimes: cases.map { $0.leadTime ?? 0 },
                    initialOnHand: cases.map(\.initialOnHand), unmetDemand: unmet, days: days,
                    demand: cases.flatMap { $0.demand.map { Int32($0) } }))
            #expect(batch.rows.count == cases.count)
            var served = 0
            for (k, single) in cases.enumerated() {
                let one = try Backtest.run(single)
                #expect(batch.rows[k] == one.totals, "row \(k) (\(single.policy), \(unmet))")
                served += one.totals.unitsServed
            }
            #expect(batch.unitsServed == served)
            #expect(batch.onHandUnitDays == batch.rows.reduce(0) { $0 + $1.onHandSum })
        }
    }

    @Test("(s,S) by hand: holding and backorder unit-days give the cost; the fill rate pools the rows")
    func costByHand() async throws {
        // Row 0: on hand 5, demand 3 a day, (s,S) = (2,5), lead time 1.
        // Day 0: 2 left, IP 2 ≤ 2 → order 3; day 1: +3 → 5 − 3 = 2 → order 3; … on hand 2 every day.
        // Row 1: base stock 0, nothing on hand, demand 1 a day, lead time 2, backorders:
        // day 0: short 1, order 1 (arrives day 2); day 1: short 1 (2 backordered), order 1; day 2:
        // +1 fills one backorder, short 1 → 2 backordered; so 1, 2, 2, 2 backordered.
        let result = try await PolicySimulation.run(
            PolicySimulationInput(
                policies: [.sS(s: 2, bigS: 5), .baseStock(bigS: 0)], leadTimes: [1, 2], initialOnHand: [5, 0],
                unmetDemand: .backorder, days: 4, demand: [3, 3, 3, 3, 1, 1, 1, 1]))
        #expect(result.rows[0].onHandSum == 8 && result.rows[0].unitsShort == 0)
        #expect(result.rows[1].backorderSum == 7 && result.rows[1].unitsServed == 0)
        #expect(result.cost(holdingPerUnitDay: 1, backorderPerUnitDay: 10) == 8 + 70)
        #expect(result.fillRate == 12.0 / 16.0)
    }

    @Test("bad rows are refused naming the row and the field, before anything runs")
    func refusals() async {
        func run(_ policies: [ReplenishmentPolicy], lead: [Int] = [1], onHand: [Int] = [0], demand: [Int32] = [1, 1]) async throws
        {
            _ = try await PolicySimulation.run(
                PolicySimulationInput(
                    policies: policies, leadTimes: lead, initialOnHand: onHand, unmetDemand: .backorder, days: 2, demand: demand))
        }
        await expectErrorAsync("rows[0].Q must be ≥ 1, got 0") { try await run([.sQ(s: 1, q: 0)]) }
        await expectErrorAsync("rows[0].lead_time must be a whole number in 1 … 1000000000, got 0") {
            try await run([.sS(s: 1, bigS: 3)], lead: [0])
        }
        await expectErrorAsync("rows[0].demand[1] must be a whole number in 0 … 1000000000, got -4") {
            try await run([.sS(s: 1, bigS: 3)], demand: [1, -4])
        }
        await expectErrorAsync("demand has 3 values, expected rows × days = 1 × 2") {
            try await run([.sS(s: 1, bigS: 3)], demand: [1, 1, 1])
        }
        await expectErrorAsync("lead_times has 2 rows, the policies 1") { try await run([.baseStock(bigS: 1)], lead: [1, 1]) }
    }

    func expectErrorAsync(
        _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("no error; expected: \(message)", sourceLocation: sourceLocation)
        } catch let error as PolicyError {
            #expect(error.message == message, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}
