import InventoryCore
import InventoryPolicy
import Simulation

/// The replays of one scenario: rows × replications, baseline or shocked, with an extra buffer per row.
struct ScenarioReplay {
    var rows: [BacktestRow]
    var shocks: [ScenarioRowShocks?]
    var paths: [[Int]]
    var periods: Int
    /// With `demand: forecast`, each row's sampled demand (``ForecastDemandSampler/sample(_:scales:periods:replications:seed:)``).
    var sampled: [[Int32]]?
    var unmetDemand: PolicySimulationInput.UnmetDemand
    /// `sampled`: every order's lead time is drawn from the row's ``Simulation/LeadTimeSampler``.
    var leadTimes: ScenarioLeadTimes
    var seed: UInt64
    var averageDays: Double

    /// The lead time in periods of an order placed in each period of `replication`, when it is not
    /// the row's fixed one: drawn (`lead_times: sampled`), then shocked; or the shocks' alone.
    func orderLeadTimes(row r: Int, replication: Int, shock: ScenarioRowShocks?) -> [Int32]? {
        let row = rows[r]
        guard leadTimes == .sampled else { return shock?.orderLeadTimes }
        let base =
            row.leadTimeSampler?.draws(periods: periods, row: r, replication: replication, seed: seed)
            ?? [Double](repeating: row.leadTimeDays, count: periods)
        return shock?.orderLeadTimes(baseDays: base, averageDays: averageDays)
            ?? base.map { LeadTimeSampler.periods(days: $0, averageDays: averageDays) }
    }

    /// What an extra amount of stock is added to in a replay.
    enum Lever {
        /// A buffer: the reorder point, the order-up-to level and the opening stock.
        case buffer
        /// The opening stock alone (stock moved in or out before the window; the policy unchanged).
        case openingStock
    }

    /// Totals per row (of `members`, in order) and replication, each with `extra` units (of
    /// 1/scale, negative only for the opening stock) added as `lever` says.
    func totals(
        _ members: [Int], extra: [Int], lever: Lever = .buffer, shocked: Bool
    ) async throws(PolicyError) -> [[BacktestTotals]] {
        let input = try simulationInput(members, extra: extra, lever: lever, shocked: shocked)
        let result = try await PolicySimulation.run(input)
        let replications = paths.count
        return members.indices.map { k in Array(result.rows[(k * replications)..<((k + 1) * replications)]) }
    }

    /// Per row a price shock touches, and per replication, the shocked average on hand priced
    /// period by period: (1/T) Σₜ on hand at the end of period t × the price factor of t, in units of
    /// 1/scale — so stock held before a price rise is not valued at the new price (docs/scenarios.md).
    func pricedAverageOnHand() throws(PolicyError) -> [Int: [Double]] {
        var result: [Int: [Double]] = [:]
        for r in rows.indices {
            guard let factors = shocks[r]?.priceFactors else { continue }
            let input = try simulationInput([r], extra: [0], shocked: true)
            var averages: [Double] = []
            for replication in paths.indices {
                let days = try PolicySimulation.trace(input, row: replication).days
                let sum = days.reduce(0.0) { $0 + Double($1.onHandEnd) * factors[$1.day] }
                averages.append(days.isEmpty ? .nan : sum / Double(days.count))
            }
            result[r] = averages
        }
        return result
    }

    /// The simulation input of `members` (rows × replications, row after row), shocked or not,
    /// each with `extra` units added as `lever` says.
    private func simulationInput(
        _ members: [Int], extra: [Int], lever: Lever = .buffer, shocked: Bool
    ) throws(PolicyError) -> PolicySimulationInput {
        var policies: [ReplenishmentPolicy] = []
        var leadTimes: [Int] = []
        var opening: [Int] = []
        var demand: [Int32] = []
        var daily: [Int32] = []
        var dailyRows: Set<Int> = []
        let replications = paths.count
        policies.reserveCapacity(members.count * replications)
        demand.reserveCapacity(members.count * replications * periods)
        for (k, r) in members.enumerated() {
            let row = rows[r]
            let shock = shocked ? shocks[r] : nil
            let policy = lever == .buffer ? Self.shifted(row.current.policy, by: extra[k]) : row.current.policy
            for (replication, path) in paths.enumerated() {
                if let lead = orderLeadTimes(row: r, replication: replication, shock: shock) {
                    dailyRows.insert(policies.count)
                    if daily.isEmpty { daily = [Int32](repeating: 1, count: members.count * replications * periods) }
                    let base = policies.count * periods
                    for t in 0..<periods { daily[base + t] = lead[t] }
                }
                policies.append(policy)
                leadTimes.append(row.leadTimeBuckets)
                opening.append(row.current.initialOnHand + extra[k])
                for t in 0..<periods {
                    let d = sampled?[r][replication * periods + t] ?? row.demand[path[t]]
                    if let factor = shock?.demandFactor?[t] {
                        let scaled = (Double(d) * factor).rounded()
                        guard scaled <= Double(Backtest.largestValue) else {
                            throw PolicyError(
                                code: .invalidInput,
                                message:
                                    "the shocked demand of row \(r) in period \(t) is \(scaled) units of 1/\(row.scale), above 10⁹"
                            )
                        }
                        demand.append(Int32(scaled))
                    } else {
                        demand.append(d)
                    }
                }
            }
        }
        var input = PolicySimulationInput(
            policies: policies, leadTimes: leadTimes, initialOnHand: opening, unmetDemand: unmetDemand, days: periods,
            demand: demand)
        if !dailyRows.isEmpty {
            input.dailyLeadTimes = daily
            input.dailyLeadTimeRows = dailyRows
        }
        return input
    }

    /// The smallest extra buffer (whole units of 1/scale) holding each row's target under the shock:
    /// doubling from 1 until it holds, then bisection; rows where no buffer within 10⁹ units holds
    /// are left out. With `lever` `.openingStock`, the smallest extra opening stock instead (the
    /// policy unchanged: stock moved in before the window, docs/scenarios.md "Pre-positioning").
    func smallestBuffers(
        _ members: [Int], tolerance: Double, achieved: (BacktestTotals) -> Double, lever: Lever = .buffer
    ) async throws(PolicyError) -> [Int: Int] {
        guard !members.isEmpty else { return [:] }
        // The largest buffer that keeps every parameter and the opening stock within 10⁹ units.
        let ceiling = members.map {
            Backtest.largestValue - (lever == .buffer ? Self.largestParameter(rows[$0]) : rows[$0].current.initialOnHand)
        }
        let found = try await smallestHolding(
            members, failing: [Int](repeating: 0, count: members.count),
            holding: [Int?](repeating: nil, count: members.count), ceiling: ceiling
        ) { (list: [Int], values: [Int]) async throws(PolicyError) -> [Bool] in
            try await holds(list, extra: values, lever: lever, tolerance: tolerance, achieved: achieved)
        }
        var result: [Int: Int] = [:]
        for (k, r) in members.enumerated() { if let h = found[k] { result[r] = h } }
        return result
    }

    /// The largest cut of each row's opening stock (whole units of 1/scale, at most `limits`) that
    /// still holds its target under the shock, the policy unchanged: what the row can give away
    /// before the window. Rows that miss their target even uncut give 0. A bisection on the same
    /// replay as ``smallestBuffers(_:tolerance:achieved:lever:)`` (``smallestHolding``), on the
    /// stock kept: keeping all of `limits` holds, keeping none may.
    func largestCuts(
        _ members: [Int], limits: [Int], tolerance: Double, achieved: (BacktestTotals) -> Double
    ) async throws(PolicyError) -> [Int: Int] {
        guard !members.isEmpty else { return [:] }
        let uncut = try await holds(
            members, extra: [Int](repeating: 0, count: members.count), lever: .openingStock, tolerance: tolerance,
            achieved: achieved)
        let open = members.indices.filter { uncut[$0] && limits[$0] > 0 }
        var result: [Int: Int] = [:]
        for r in members { result[r] = 0 }
        guard !open.isEmpty else { return result }
        let rowsOpen = open.map { members[$0] }
        let limitsOpen = open.map { limits[$0] }
        // Keeping nothing of the limit: the whole limit can go.
        let keepNone = try await holds(
            rowsOpen, extra: limitsOpen.map { -$0 }, lever: .openingStock, tolerance: tolerance, achieved: achieved)
        let searched = rowsOpen.indices.filter { !keepNone[$0] }
        for j in rowsOpen.indices where keepNone[j] { result[rowsOpen[j]] = limitsOpen[j] }
        guard !searched.isEmpty else { return result }
        var limitOf: [Int: Int] = [:]
        for (r, limit) in zip(members, limits) { limitOf[r] = limit }
        let kept = try await smallestHolding(
            searched.map { rowsOpen[$0] }, failing: [Int](repeating: 0, count: searched.count),
            holding: searched.map { limitsOpen[$0] }, ceiling: searched.map { limitsOpen[$0] }
        ) { (list: [Int], values: [Int]) async throws(PolicyError) -> [Bool] in
            // `values` are the units kept of the limit: the opening stock is cut by limit − kept.
            let cuts = zip(list, values).map { r, keep in keep - (limitOf[r] ?? 0) }
            return try await holds(list, extra: cuts, lever: .openingStock, tolerance: tolerance, achieved: achieved)
        }
        for (j, k) in searched.enumerated() {
            let r = rowsOpen[k]
            result[r] = limitsOpen[k] - (kept[j] ?? limitsOpen[k])
        }
        return result
    }

    /// Whether each row of `list`, with `extra` added as `lever` says, holds its target under the
    /// shock: the mean achieved service over the replications at least the target − `tolerance`.
    func holds(
        _ list: [Int], extra: [Int], lever: Lever, tolerance: Double, achieved: (BacktestTotals) -> Double
    ) async throws(PolicyError) -> [Bool] {
        let totals = try await totals(list, extra: extra, lever: lever, shocked: true)
        return list.indices.map { k in
            let target = rows[list[k]].result.final.serviceLevel
            let value = ScenarioRun.mean(totals[k].map(achieved))
            return !value.isNaN && value >= target - tolerance
        }
    }

    /// The smallest value per member at which `holds` (monotone: it holds at every larger value),
    /// above `failing` (known not to hold) and at most `ceiling`: where no value is known to hold
    /// (`holding` nil), probes failing + 1, + 2, + 4, … until one holds or the next passes the
    /// ceiling (then `nil`); then bisection between the last failing and holding values. All
    /// members are replayed together in each step.
    func smallestHolding(
        _ members: [Int], failing: [Int], holding: [Int?], ceiling: [Int],
        holds: ([Int], [Int]) async throws(PolicyError) -> [Bool]
    ) async throws(PolicyError) -> [Int?] {
        var low = failing
        var high = holding
        var probe = failing.map { $0 + 1 }
        for _ in 0..<31 {
            let open = members.indices.filter { high[$0] == nil && probe[$0] <= ceiling[$0] }
            guard !open.isEmpty else { break }
            let ok = try await holds(open.map { members[$0] }, open.map { probe[$0] })
            for (j, k) in open.enumerated() {
                if ok[j] {
                    high[k] = probe[k]
                } else {
                    low[k] = probe[k]
                    probe[k] = failing[k] + 2 * (probe[k] - failing[k])
                }
            }
        }
        while true {
            let open = members.indices.filter { k in high[k].map { $0 - low[k] > 1 } ?? false }
            guard !open.isEmpty else { break }
            let mids = open.map { low[$0] + (high[$0]! - low[$0]) / 2 }
            let ok = try await holds(open.map { members[$0] }, mids)
            for (j, k) in open.enumerated() {
                if ok[j] { high[k] = mids[j] } else { low[k] = mids[j] }
            }
        }
        return high
    }

    /// The largest of a row's parameters a buffer is added to, and its opening stock (units of 1/scale).
    static func largestParameter(_ row: BacktestRow) -> Int {
        let largest: Int
        switch row.current.policy {
        case .sQ(let s, let q): largest = max(s, q)
        case .sS(_, let bigS), .rS(_, let bigS, _), .rsS(_, _, let bigS, _), .baseStock(let bigS): largest = bigS
        case .minMax(_, let high, _, _): largest = high
        }
        return max(largest, row.current.initialOnHand)
    }

    /// The policy with `b` more units at its reorder point and order-up-to level.
    static func shifted(_ policy: ReplenishmentPolicy, by b: Int) -> ReplenishmentPolicy {
        guard b != 0 else { return policy }
        switch policy {
        case .sQ(let s, let q): return .sQ(s: s + b, q: q)
        case .sS(let s, let bigS): return .sS(s: s + b, bigS: bigS + b)
        case .minMax(let low, let high, let multiple, let moq):
            return .minMax(min: low + b, max: high + b, multiple: multiple, moq: moq)
        case .rS(let r, let bigS, let offset): return .rS(r: r, bigS: bigS + b, offset: offset)
        case .rsS(let r, let s, let bigS, let offset): return .rsS(r: r, s: s + b, bigS: bigS + b, offset: offset)
        case .baseStock(let bigS): return .baseStock(bigS: bigS + b)
        }
    }
}
