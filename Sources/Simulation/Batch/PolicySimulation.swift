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
                        output.initialize(
                            r,
                            to: replay(
                                input, row: r, backorder: backorder, matrix: matrix, daily: daily, arrivals: arrivals,
                                recorder: &recorder))
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

    /// One row's replay with every day recorded (the back-test's chart of one item-location);
    /// the same replay as ``run(_:)``'s.
    public static func trace(_ input: PolicySimulationInput, row r: Int) throws(PolicyError) -> (
        totals: BacktestTotals, days: [BacktestDay]
    ) {
        try validate(input)
        guard r >= 0, r < input.rows else {
            throw PolicyError(code: .invalidInput, message: "row \(r) is not in 0 … \(input.rows - 1)")
        }
        let arrivals = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(input.days, 1))
        defer { arrivals.deallocate() }
        var recorder = TraceRecorder()
        let totals = input.demand.withUnsafeBufferPointer { matrix in
            input.dailyLeadTimes.withUnsafeBufferPointer { daily in
                replay(
                    input, row: r, backorder: input.unmetDemand == .backorder, matrix: matrix, daily: daily,
                    arrivals: arrivals, recorder: &recorder)
            }
        }
        return (totals, recorder.days)
    }

    /// Row `r`'s replay with its lead times (fixed, per day, or split among sources).
    @inline(__always)
    static func replay<Recorder: BacktestRecorder>(
        _ input: PolicySimulationInput, row r: Int, backorder: Bool, matrix: UnsafeBufferPointer<Int32>,
        daily: UnsafeBufferPointer<Int32>, arrivals: UnsafeMutableBufferPointer<Int>, recorder: inout Recorder
    ) -> BacktestTotals {
        let days = input.days
        let row = UnsafeBufferPointer(rebasing: matrix[(r * days)..<((r + 1) * days)])
        func run(_ leadTimes: BacktestReplay.LeadTimes) -> BacktestTotals {
            do {
                return try BacktestReplay.replay(
                    policy: input.policies[r], backorder: backorder, initialOnHand: input.initialOnHand[r],
                    leadTimes: leadTimes, demand: row, arrivals: arrivals, recorder: &recorder)
            } catch {
                // Only a list of per-order lead times running out throws; these are per day.
                preconditionFailure("a replay with fixed or daily lead times threw: \(error)")
            }
        }
        if let split = input.sourceSplits[r] {
            return withBuffers(split.leadTimes) { buffers in run(.split(shares: split.shares, byDay: buffers)) }
        }
        if input.dailyLeadTimeRows.contains(r) {
            return run(.byDay(UnsafeBufferPointer(rebasing: daily[(r * days)..<((r + 1) * days)])))
        }
        return run(.fixed(input.leadTimes[r]))
    }

    /// `body` with a buffer over each array (kept alive while it runs).
    private static func withBuffers<T>(_ arrays: [[Int32]], _ body: ([UnsafeBufferPointer<Int32>]) -> T) -> T {
        func nest(_ k: Int, _ done: [UnsafeBufferPointer<Int32>]) -> T {
            guard k < arrays.count else { return body(done) }
            return arrays[k].withUnsafeBufferPointer { nest(k + 1, done + [$0]) }
        }
        return nest(0, [])
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
        for (r, split) in input.sourceSplits.sorted(by: { $0.key < $1.key }) {
            guard r >= 0, r < rows else {
                throw PolicyError(code: .invalidInput, message: "split-sourcing row \(r) is not in 0 … \(rows - 1)")
            }
            guard !split.shares.isEmpty, split.shares.count == split.leadTimes.count else {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "rows[\(r)].split has \(split.shares.count) shares and \(split.leadTimes.count) lead-time lists, expected as many of each (at least one)"
                )
            }
            for (k, share) in split.shares.enumerated() where !(share.isFinite && share > 0) {
                throw PolicyError(
                    code: .invalidInput, message: "rows[\(r)].split.shares[\(k)] must be a number > 0, got \(share)")
            }
            for (k, list) in split.leadTimes.enumerated() {
                guard list.count == input.days else {
                    throw PolicyError(
                        code: .invalidInput,
                        message: "rows[\(r)].split.lead_times[\(k)] has \(list.count) values, expected \(input.days)")
                }
                if let t = list.firstIndex(where: { $0 < 1 || Int($0) > Backtest.largestValue }) {
                    throw PolicyError(
                        code: .invalidInput,
                        message:
                            "rows[\(r)].split.lead_times[\(k)][\(t)] must be a whole number in 1 … \(Backtest.largestValue), got \(list[t])"
                    )
                }
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
