public import InventoryCore
public import InventoryPolicy

/// Replays many item-locations' policies over their demand at once — the engine under the
/// back-test and the stress tests. Every row follows the day loop of ``Backtest`` (event order and
/// measures of `policy_backtest.json`), without a trace; rows run in parallel chunks on every core,
/// each with its own scratch space, so the result does not depend on the number of cores.
public enum PolicySimulation {
    /// Runs every row; inputs outside their domain throw ``PolicyError`` naming the row and field,
    /// before anything is simulated.
    public static func run(_ input: PolicySimulationInput) async throws(PolicyError) -> PolicySimulationResult {
        try validate(input)
        let rows = input.rows
        let days = input.days
        let backorder = input.unmetDemand == .backorder
        let totals: [BacktestTotals] = await ConcurrentChunks.mapChunks(count: rows) { range, output in
            let arrivals = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(days, 1))
            defer { arrivals.deallocate() }
            var recorder = NoRecorder()
            input.demand.withUnsafeBufferPointer { matrix in
                input.dailyLeadTimes.withUnsafeBufferPointer { daily in
                    for r in range {
                        let row = UnsafeBufferPointer(rebasing: matrix[(r * days)..<((r + 1) * days)])
                        let leadTimes: BacktestReplay.LeadTimes =
                            input.dailyLeadTimeRows.contains(r)
                            ? .byDay(UnsafeBufferPointer(rebasing: daily[(r * days)..<((r + 1) * days)]))
                            : .fixed(input.leadTimes[r])
                        do {
                            output.initialize(
                                r,
                                to: try BacktestReplay.replay(
                                    policy: input.policies[r], backorder: backorder, initialOnHand: input.initialOnHand[r],
                                    leadTimes: leadTimes, demand: row, arrivals: arrivals, recorder: &recorder))
                        } catch {
                            // Only a list of per-order lead times running out throws; these are per day.
                            preconditionFailure("a replay with fixed or daily lead times threw: \(error)")
                        }
                    }
                }
            }
        }
        var result = PolicySimulationResult(
            rows: totals, onHandUnitDays: 0, backorderUnitDays: 0, totalDemand: 0, unitsServed: 0, numberOfOrders: 0,
            stockoutDays: 0)
        for t in totals {
            result.onHandUnitDays += t.onHandSum
            result.backorderUnitDays += t.backorderSum
            result.totalDemand += t.totalDemand
            result.unitsServed += t.unitsServed
            result.numberOfOrders += t.numberOfOrders
            result.stockoutDays += t.stockoutDays
        }
        return result
    }

    static func validate(_ input: PolicySimulationInput) throws(PolicyError) {
        let rows = input.rows
        guard input.days >= 0, input.days <= Backtest.longestHistory else {
            throw PolicyError(
                code: .invalidInput, message: "days must be a whole number in 0 … \(Backtest.longestHistory), got \(input.days)")
        }
        for (name, count) in [("lead_times", input.leadTimes.count), ("initial_on_hand", input.initialOnHand.count)]
        where count != rows {
            throw PolicyError(code: .invalidInput, message: "\(name) has \(count) rows, the policies \(rows)")
        }
        let (cells, overflow) = rows.multipliedReportingOverflow(by: input.days)
        guard !overflow, input.demand.count == cells else {
            throw PolicyError(
                code: .invalidInput,
                message: "demand has \(input.demand.count) values, expected rows × days = \(rows) × \(input.days)")
        }
        for r in 0..<rows {
            try input.policies[r].validate(field: "rows[\(r)]")
            try Backtest.within(input.leadTimes[r], "rows[\(r)].lead_time", low: 1)
            try Backtest.within(input.initialOnHand[r], "rows[\(r)].initial_on_hand", low: 0)
        }
        if !input.dailyLeadTimeRows.isEmpty {
            guard input.dailyLeadTimes.count == cells else {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "daily lead times have \(input.dailyLeadTimes.count) values, expected rows × days = \(rows) × \(input.days)"
                )
            }
            if let r = input.dailyLeadTimeRows.first(where: { $0 < 0 || $0 >= rows }) {
                throw PolicyError(code: .invalidInput, message: "daily lead-time row \(r) is not in 0 … \(rows - 1)")
            }
            if let k = input.dailyLeadTimes.firstIndex(where: { $0 < 0 || Int($0) > Backtest.largestValue }) {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "rows[\(k / max(input.days, 1))].daily_lead_time[\(k % max(input.days, 1))] must be a whole number in 0 (no order that day) … \(Backtest.largestValue), got \(input.dailyLeadTimes[k])"
                )
            }
        }
        if let k = input.demand.firstIndex(where: { $0 < 0 || Int($0) > Backtest.largestValue }) {
            let (r, t) = input.days > 0 ? (k / input.days, k % input.days) : (0, 0)
            throw PolicyError(
                code: .invalidInput,
                message: "rows[\(r)].demand[\(t)] must be a whole number in 0 … \(Backtest.largestValue), got \(input.demand[k])")
        }
    }
}
