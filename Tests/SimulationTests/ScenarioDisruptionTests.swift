import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Simulation
import Testing

@Suite("Scenario disruptions: order-, transit- and receipt-pausing on the replay's periods")
struct ScenarioDisruptionTests {
    static let start = Day(year: 2026, month: 1, day: 5)!
    static let row = ScenarioRowAttributes(item: 0, category: "pumps", location: 0, region: "south", supplier: 0)

    /// Weekly periods from Monday 2026-01-05.
    static func weeks(_ count: Int) -> ScenarioTimeline {
        ScenarioTimeline(starts: (0..<count).map { start.adding(days: 7 * $0) }, last: start.adding(days: 7 * count - 1))
    }

    /// The order lead times (periods) of `row` under one supplier failure from day `from` to day `to`.
    static func leadTimes(
        _ timeline: ScenarioTimeline, mode: DisruptionType?, from: Int, to: Int, leadTimeDays: Double, averageDays: Double = 7
    ) throws -> [Int32]? {
        let shock =
            mode.map {
                ScenarioShock(
                    kind: .supplierFailure, scope: ScenarioScope(suppliers: [0]), from: .afterStart(from), to: .afterStart(to),
                    mode: $0)
            }
            ?? ScenarioShock(
                kind: .supplierFailure, scope: ScenarioScope(suppliers: [0]), from: .afterStart(from), to: .afterStart(to))
        let window = try timeline.window(of: shock, index: 0)
        return timeline.shocks(
            [shock], windows: [window], row: row, leadTimeDays: leadTimeDays, averageDays: averageDays)?.orderLeadTimes
    }

    @Test(
        "a one-week lead time, the supplier fails in week 1: receipt holds week 0's order to week 2, order skips week 1's, transit delays week 1's to week 3"
    )
    func oneWeek() throws {
        let timeline = Self.weeks(6)
        // Days 7 … 13: week 1 exactly.
        #expect(try Self.leadTimes(timeline, mode: .receiptPausing, from: 7, to: 13, leadTimeDays: 7) == [2, 1, 1, 1, 1, 1])
        #expect(try Self.leadTimes(timeline, mode: .orderPausing, from: 7, to: 13, leadTimeDays: 7) == [1, 0, 1, 1, 1, 1])
        #expect(try Self.leadTimes(timeline, mode: .transitPausing, from: 7, to: 13, leadTimeDays: 7) == [1, 2, 1, 1, 1, 1])
        // Receipt-pausing is the default, unchanged: the shock built without a mode gives the same.
        #expect(try Self.leadTimes(timeline, mode: nil, from: 7, to: 13, leadTimeDays: 7) == [2, 1, 1, 1, 1, 1])
    }

    @Test("a two-week lead time, the supplier fails in weeks 2 and 3 (days 14 … 27): arrivals by hand for each mode")
    func twoWeeks() throws {
        let timeline = Self.weeks(8)
        // Receipt: due in week 2 or 3 → week 4. Ordered in 0 → due 2 → 4 (4 periods); 1 → 3 → 4 (3); 2 → 4 (2); …
        #expect(
            try Self.leadTimes(timeline, mode: .receiptPausing, from: 14, to: 27, leadTimeDays: 14) == [4, 3, 2, 2, 2, 2, 2, 2])
        // Order: weeks 2 and 3 place nothing; the others take their two weeks.
        #expect(
            try Self.leadTimes(timeline, mode: .orderPausing, from: 14, to: 27, leadTimeDays: 14) == [2, 2, 0, 0, 2, 2, 2, 2])
        // Transit: the pipeline stands still at the end of weeks 2 and 3.
        // 0: advances at the end of 0 and 1 → week 2. 1: end of 1, (2, 3 paused), 4 → week 5.
        // 2: (2, 3), 4, 5 → week 6. 3: (3), 4, 5 → week 6. 4: 4, 5 → week 6.
        #expect(
            try Self.leadTimes(timeline, mode: .transitPausing, from: 14, to: 27, leadTimeDays: 14) == [2, 4, 4, 3, 2, 2, 2, 2])
        // A window of part of a week disrupts the whole week (as receipt-pausing does): Wed 16 … Thu 17.
        #expect(
            try Self.leadTimes(timeline, mode: .orderPausing, from: 16, to: 17, leadTimeDays: 14) == [2, 2, 0, 2, 2, 2, 2, 2])
    }

    @Test("the modes combine with a lead-time shock: the period's lead time first, then the transit and receipt pauses")
    func combined() throws {
        let timeline = Self.weeks(6)
        let shocks = [
            ScenarioShock(kind: .leadTime(addDays: 7, factor: 1), from: .afterStart(0), to: .afterStart(6)),
            ScenarioShock(kind: .closure, from: .afterStart(14), to: .afterStart(20), mode: .transitPausing),
            ScenarioShock(
                kind: .supplierFailure, scope: ScenarioScope(suppliers: [0]), from: .afterStart(28), to: .afterStart(34)),
        ]
        var windows: [(from: Day, to: Day)] = []
        for (k, s) in shocks.enumerated() { windows.append(try timeline.window(of: s, index: k)) }
        let result = try #require(timeline.shocks(shocks, windows: windows, row: Self.row, leadTimeDays: 7, averageDays: 7))
        // Week 0 takes two weeks: advances at the end of 0 and 1 → week 2. Week 1: one week → week 2 (it
        // left transit before the pause). Week 2: stands still, advances at the end of 3 → week 4,
        // receipt-paused → week 5. Week 3: → week 4 → 5. Week 4 → 5, week 5 → 6.
        #expect(result.orderLeadTimes == [2, 1, 3, 2, 1, 1])
    }

    @Test(
        "stockpyl_sim_disruptions.json: every case replayed through the scenario timeline (daily periods, one shock per disrupted run) and the batch engine gives stockpyl's total cost and orders exactly"
    )
    func stockpylCases() async throws {
        let file = try ReferenceFile("stockpyl_sim_disruptions.json")
        #expect(file.cases.count >= 6)
        for c in file.cases {
            let id = c["id"].string ?? "?"
            let args = c["args"]
            let periods = try #require(args["num_periods"].int)
            let states = args["disruption_states"].array.map { $0.double == 1 }
            #expect(states.count == periods, "\(id)")
            let mode: DisruptionType =
                switch args["disruption_type"].string {
                case "OP": .orderPausing
                case "TP": .transitPausing
                default: .receiptPausing
                }
            let lead = try #require(args["shipment_lead_time"].int) + (args["order_lead_time"].int ?? 0)
            // Each run of disrupted periods is one supplier failure over those days.
            var shocks: [ScenarioShock] = []
            var t = 0
            while t < periods {
                guard states[t] else {
                    t += 1
                    continue
                }
                var end = t
                while end + 1 < periods, states[end + 1] { end += 1 }
                shocks.append(
                    ScenarioShock(
                        kind: .supplierFailure, scope: ScenarioScope(suppliers: [0]), from: .afterStart(t), to: .afterStart(end),
                        mode: mode))
                t = end + 1
            }
            let timeline = ScenarioTimeline(
                starts: (0..<periods).map { Self.start.adding(days: $0) }, last: Self.start.adding(days: periods - 1))
            var windows: [(from: Day, to: Day)] = []
            for (k, s) in shocks.enumerated() { windows.append(try timeline.window(of: s, index: k)) }
            let rowShocks = try #require(
                timeline.shocks(shocks, windows: windows, row: Self.row, leadTimeDays: Double(lead), averageDays: 1))
            let leadTimes = try #require(rowShocks.orderLeadTimes)
            let policy: ReplenishmentPolicy =
                args["policy_type"].string == "BS"
                ? .baseStock(bigS: try #require(args["base_stock_level"].int))
                : .sS(s: try #require(args["reorder_point"].int), bigS: try #require(args["order_up_to_level"].int))
            var input = PolicySimulationInput(
                policies: [policy], leadTimes: [lead], initialOnHand: [try #require(args["initial_inventory_level"].int)],
                unmetDemand: .backorder, days: periods, demand: args["demand_list"].array.map { Int32($0.int ?? -1) })
            input.dailyLeadTimes = leadTimes
            input.dailyLeadTimeRows = [0]
            let result = try await PolicySimulation.run(input)
            let cost = result.cost(
                holdingPerUnitDay: try #require(args["holding_cost"].double),
                backorderPerUnitDay: try #require(args["stockout_cost"].double))
            #expect(cost == c["expected"]["total_cost"].double, "\(id)")
            let expected = c["expected"]["periods"].array
            let ordered = expected.map { $0["order_placed"].double ?? .nan }
            #expect(Double(result.rows[0].totalOrdered) == ordered.reduce(0, +), "\(id)")
            #expect(result.numberOfOrders == ordered.filter { $0 > 0 }.count, "\(id)")
            #expect(
                Double(result.rows[0].totalReceived) == expected.reduce(0) { $0 + ($1["received"].double ?? .nan) }, "\(id)")
        }
    }

    @Test("the batch engine: a daily lead time of 0 skips that day's order (not deferred); below 0 is refused")
    func orderPausingInTheEngine() async throws {
        // Base stock 10, on hand 10, demand 3 a day, lead time 1; ordering paused on day 1.
        // Day 0: 7 left, IP 7 → order 3 (arrives day 1). Day 1: +3 → 10 − 3 = 7, IP 7 → order 3 skipped.
        // Day 2: 7 − 3 = 4, IP 4 → order 6 (day 3). Day 3: +6 → 7, order 3 (day 4). Day 4: +3 → 7, order 3 (beyond).
        func run(_ daily: [Int32]) async throws -> BacktestTotals {
            var input = PolicySimulationInput(
                policies: [.baseStock(bigS: 10)], leadTimes: [1], initialOnHand: [10], unmetDemand: .backorder, days: 5,
                demand: [3, 3, 3, 3, 3])
            input.dailyLeadTimes = daily
            input.dailyLeadTimeRows = [0]
            return try await PolicySimulation.run(input).rows[0]
        }
        let paused = try await run([1, 0, 1, 1, 1])
        #expect(paused.numberOfOrders == 4 && paused.totalOrdered == 15 && paused.totalReceived == 12)
        #expect(paused.onHandSum == 7 + 7 + 4 + 7 + 7 && paused.endingOnOrder == 3 && paused.stockoutDays == 0)
        let open = try await run([1, 1, 1, 1, 1])
        #expect(open.numberOfOrders == 5 && open.onHandSum == 35)
        await expectAsyncPolicyError(
            "rows[0].daily_lead_time[2] must be a whole number in 0 (no order that day) … 1000000000, got -1"
        ) {
            _ = try await run([1, 1, -1, 1, 1])
        }
    }

    func expectAsyncPolicyError(
        _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("expected the error “\(message)”", sourceLocation: sourceLocation)
        } catch let error as PolicyError {
            #expect(error.message == message, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }
}
