public import InventoryCore
public import InventoryPolicy

/// One item-location's lead times drawn order by order — the scenarios' `lead_times: sampled`
/// (docs/scenarios.md). The lead time of an order placed in a period is one draw (in days) from:
///
/// - **observed**: the supplier line's real orders (receipt − order date per order, from the
///   receipts, where the line has at least `policy.lead_time_minimum_receipts`), each equally likely
///   — the empirical distribution, resampled with replacement (the bootstrap; Efron & Tibshirani,
///   *An Introduction to the Bootstrap* (1993), ch. 6);
/// - **normal**: otherwise the master data's mean L and standard deviation σ (`sourcing.csv`
///   `lead_time_days`, `lead_time_sd_days`): N(L, σ²) censored at 0 — a negative draw is an order
///   that arrives at once; with σ = 0 every order takes L.
///
/// The replay then rounds each draw to whole periods (at least one), as it rounds every lead time,
/// so a period-length scenario sees the variability that survives the rounding.
public enum LeadTimeSampler: Sendable, Hashable {
    /// The line's real orders' lead times in days (not empty).
    case observed([Double])
    /// Mean and standard deviation in days (finite, ≥ 0).
    case normal(mean: Double, standardDeviation: Double)

    /// One order's lead time in days.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        switch self {
        case .observed(let list):
            return list[Int(generator.next(upperBound: UInt64(list.count)))]
        case .normal(let mean, let sd):
            guard sd > 0 else { return mean }
            return max(0, NormalSampler(mean: mean, standardDeviation: sd).sample(using: &generator))
        }
    }

    /// The lead time in days of an order placed in each of `periods` periods in replication
    /// `replication` of row `row`. Each (row, replication) pair has its own stream of xoshiro256**
    /// under `seed` (mixed with a constant, so the lead times do not reuse the demand's streams):
    /// a row's draws do not depend on which other rows are replayed with it, nor on how many
    /// replications there are, and the baseline and the shocks see the same draws (common random
    /// numbers; Law, *Simulation Modeling and Analysis*, 5th ed. (2015), §11.2).
    public func draws(periods: Int, row: Int, replication: Int, seed: UInt64) -> [Double] {
        var generator = Xoshiro256StarStar(
            seed: seed ^ Self.salt,
            stream: UInt64(truncatingIfNeeded: replication) << 32 | UInt64(UInt32(truncatingIfNeeded: row)))
        return (0..<periods).map { _ in sample(using: &generator) }
    }

    /// A lead time in days as whole periods of `averageDays` days: rounded, at least one, at most
    /// 10⁹ — the replay's rounding of every lead time.
    public static func periods(days: Double, averageDays: Double) -> Int32 {
        Int32(max(1, min((days / averageDays).rounded(), Double(Backtest.largestValue))))
    }

    /// Mixed into the seed of the lead-time streams ("leadtime" in ASCII).
    static let salt: UInt64 = 0x6C65_6164_7469_6D65

    /// The sampler of a line: its observed orders' lead times when there are any, else the master
    /// data's normal distribution. Lead times that are negative or not finite are refused.
    public static func of(observed: [Double]?, mean: Double, standardDeviation: Double) throws(PolicyError) -> LeadTimeSampler {
        if let observed, !observed.isEmpty {
            if let bad = observed.first(where: { !($0.isFinite && $0 >= 0) }) {
                throw PolicyError(code: .invalidInput, message: "an observed lead time must be a number of days ≥ 0, got \(bad)")
            }
            return .observed(observed)
        }
        guard mean.isFinite, mean >= 0 else {
            throw PolicyError(code: .invalidInput, message: "the lead time must be a number of days ≥ 0, got \(mean)")
        }
        guard standardDeviation.isFinite, standardDeviation >= 0 else {
            throw PolicyError(
                code: .invalidInput,
                message: "the lead time's standard deviation must be a number of days ≥ 0, got \(standardDeviation)")
        }
        return .normal(mean: mean, standardDeviation: standardDeviation)
    }
}

/// Where a scenario's lead times come from (the spec's `lead_times`).
public enum ScenarioLeadTimes: String, Sendable, Hashable, CaseIterable {
    /// Every order takes the main source's mean lead time (the receipts' mean where they are enough,
    /// else the master data's).
    case mean
    /// Every order's lead time is drawn (``LeadTimeSampler``), per replication.
    case sampled
}
