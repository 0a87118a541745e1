import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Policy back-test (policy_backtest.json)")
struct BacktestTests {
    @Test("every reference case: totals and the first 30 days of the trace, integers exactly")
    func referenceCases() throws {
        let file = try ReferenceFile("policy_backtest.json")
        #expect(file.cases.count >= 12)
        for c in file.cases {
            let id = c["id"].string ?? "?"
            let input = try JSONValueDecoder().decode(BacktestInput.self, from: c["args"])
            let result = try JSONValueEncoder().encode(try Backtest.run(input))
            #expect(result["trace"].array.count == input.demand.count, "\(id): one trace entry per day")
            ReferenceComparison.expectMatches(result["totals"], c["expected"]["totals"], file.tolerance, "\(id).totals")
            let first30 = JSONValue.array(Array(result["trace"].array.prefix(30)))
            ReferenceComparison.expectMatches(
                first30, c["expected"]["trace_first_30_days"], file.tolerance, "\(id).trace_first_30_days")
        }
    }

    @Test("(R,s,S) orders only on review days and only at or below s; base stock tops up every day")
    func periodicAndBaseStock() throws {
        let demand = [5, 5, 5, 5, 5, 5, 5, 5]
        let rsS = try Backtest.run(
            BacktestInput(
                policy: "RsS", params: BacktestParameters(s: 12, bigS: 20, bigR: 3, reviewOffset: 1),
                unmetDemand: "backorder", initialOnHand: 20, leadTime: 1, demand: demand))
        // Review days 1, 4, 7. Day 0: on hand 15, no review. Day 1: IP 10 ≤ 12 → order 10 (arrives day 2).
        // Day 2: 10 + 10 − 5 = 15; day 3: 10; day 4: IP 5 ≤ 12 → order 15 (arrives day 5). Day 5: 15;
        // day 6: 10; day 7: IP 5 → order 15. Days 2, 3, 5, 6 are no review days whatever the IP.
        #expect(rsS.trace.map(\.orderQty) == [0, 10, 0, 0, 15, 0, 0, 15])
        #expect(rsS.trace.map(\.onHandEnd) == [15, 10, 15, 10, 5, 15, 10, 5])
        let base = try Backtest.run(
            BacktestInput(
                policy: "base_stock", params: BacktestParameters(bigS: 20), unmetDemand: "lost_sales", initialOnHand: 20,
                leadTime: 2, demand: demand))
        #expect(base.trace.map(\.orderQty) == [5, 5, 5, 5, 5, 5, 5, 5])
        #expect(base.totals.unitsShort == 0)
        #expect(base.totals.endingInventoryPosition == 20)
    }

    @Test("bad input is refused with the field named")
    func refusals() {
        func input(
            _ policy: String = "sQ", _ params: BacktestParameters = BacktestParameters(s: 5, bigQ: 10),
            unmet: String = "backorder", lead: Int? = 2, leads: [Int]? = nil, demand: [Int] = [1, 2]
        ) -> BacktestInput {
            BacktestInput(
                policy: policy, params: params, unmetDemand: unmet, initialOnHand: 10, leadTime: lead, leadTimes: leads,
                demand: demand)
        }
        expectPolicyError("params.Q must be ≥ 1, got 0") { _ = try Backtest.run(input("sQ", BacktestParameters(s: 5, bigQ: 0))) }
        expectPolicyError("params.S is missing: the policy needs it") {
            _ = try Backtest.run(input("sS", BacktestParameters(s: 5)))
        }
        expectPolicyError("unmet_demand must be 'backorder' or 'lost_sales', got 'drop'") {
            _ = try Backtest.run(input(unmet: "drop"))
        }
        expectPolicyError("lead_time must be a whole number in 1 … 1000000000, got 0") { _ = try Backtest.run(input(lead: 0)) }
        expectPolicyError("demand[1] must be a whole number in 0 … 1000000000, got -2") {
            _ = try Backtest.run(input(demand: [1, -2]))
        }
        expectPolicyError("lead_times has 0 entries but order 1 is placed on day 0: list one lead time per order") {
            _ = try Backtest.run(
                BacktestInput(
                    policy: "sQ", params: BacktestParameters(s: 50, bigQ: 10), unmetDemand: "backorder", initialOnHand: 0,
                    leadTimes: [], demand: [1]))
        }
        expectPolicyError("policy must be one of sQ, sS, minmax, RS, RsS, base_stock, got 'xyz'") {
            _ = try Backtest.run(input("xyz"))
        }
    }
}

/// Expects `body` to throw a ``PolicyError`` with exactly `message`.
func expectPolicyError(_ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    expectError(PolicyError.self, message, sourceLocation: sourceLocation, body)
}
