import InventoryCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The daily demand of one demo item-location: a compound Bernoulli process with a shape over time.
///
/// On day t a demand event happens with probability p(t) = p_wd or p_we (weekday or weekend) times
/// the occurrence factor o(t) (introduction, fading, stop); its size is drawn with mean
/// μ·s(t) ticks (s: seasonal cycle, trend, ramp-up) and coefficient of variation c:
/// - c < 0.6 and mean < 12 ticks: 1 + Poisson(mean − 1) (small, stable sizes);
/// - c < 0.6: gamma with that mean and CV, rounded, at least 1;
/// - c ≥ 0.6: lognormal with that mean and CV, rounded, at least 1.
/// Quantities are in ticks: base units × ``DemoItemProfile/quantityScale``.
struct DemoDemandProcess: Sendable {
    /// How the level changes over time.
    enum Shape: Sendable {
        /// No change.
        case constant
        /// Size × (1 + amplitude·cos(2π(t − peak)/365.25)); `peak` in days since 1970.
        case seasonal(amplitude: Double, peak: Double)
        /// Size × exp(rate · (t − pivot)/365.25).
        case trend(ratePerYear: Double, pivot: Day)
        /// Nothing before `day`; size × (1 − exp(−(t − day + 1)/ramp)) after.
        case introduced(day: Day, rampDays: Double)
        /// Occurrence × 1 before `start`, falling linearly to 0 at `end`, 0 after.
        case fading(start: Day, end: Day)
        /// Occurrence × 1 before `day`, 0 from it on.
        case stopped(day: Day)
    }

    /// Event probability Monday to Friday.
    var weekdayProbability: Double
    /// Event probability on Saturday and Sunday.
    var weekendProbability: Double
    /// Mean event size in ticks at size factor 1.
    var sizeMean: Double
    /// Coefficient of variation of event sizes.
    var sizeCV: Double
    /// Change over time.
    var shape: Shape

    /// Mean event probability over a week.
    var averageProbability: Double { (5 * weekdayProbability + 2 * weekendProbability) / 7 }

    /// The size factor s(t).
    func sizeFactor(on day: Day) -> Double {
        switch shape {
        case .constant, .fading, .stopped:
            return 1
        case .seasonal(let amplitude, let peak):
            return 1 + amplitude * cos(2 * Double.pi * (Double(day.daysSinceEpoch) - peak) / 365.25)
        case .trend(let rate, let pivot):
            return exp(rate * Double(pivot.distance(to: day)) / 365.25)
        case .introduced(let start, let ramp):
            guard day >= start else { return 0 }
            return -expm1(-Double(start.distance(to: day) + 1) / ramp)
        }
    }

    /// The occurrence factor o(t).
    func occurrenceFactor(on day: Day) -> Double {
        switch shape {
        case .constant, .seasonal, .trend:
            return 1
        case .introduced(let start, _):
            return day >= start ? 1 : 0
        case .fading(let start, let end):
            if day < start { return 1 }
            if day >= end { return 0 }
            return Double(day.distance(to: end)) / Double(start.distance(to: end))
        case .stopped(let stop):
            return day < stop ? 1 : 0
        }
    }

    /// Mean size in ticks and its variance at size factor `factor`.
    private func sizeMoments(factor: Double) -> (mean: Double, variance: Double) {
        let mean = max(1, sizeMean * factor)
        if sizeCV < 0.6 && mean < 12 { return (mean, mean - 1) }
        return (mean, (sizeCV * mean) * (sizeCV * mean))
    }

    /// Expected demand on `day` (weekday/weekend averaged), ticks per day.
    func expectedTicks(on day: Day) -> Double {
        let occurrence = occurrenceFactor(on: day)
        guard occurrence > 0 else { return 0 }
        let factor = sizeFactor(on: day)
        guard factor > 0 else { return 0 }
        return averageProbability * occurrence * sizeMoments(factor: factor).mean
    }

    /// Variance of one day's demand (weekday/weekend averaged), ticks²:
    /// p(σ² + μ²) − p²μ² for a compound Bernoulli day.
    func dailyVariance(on day: Day) -> Double {
        let p = averageProbability * occurrenceFactor(on: day)
        let factor = sizeFactor(on: day)
        guard p > 0, factor > 0 else { return 0 }
        let (mean, variance) = sizeMoments(factor: factor)
        return p * (variance + mean * mean) - p * p * mean * mean
    }

    /// The true (unconstrained) demand on `day` in ticks.
    func draw(on day: Day, using generator: inout Xoshiro256StarStar) -> Int64 {
        let base = day.isoWeekday >= 6 ? weekendProbability : weekdayProbability
        let occurrence = occurrenceFactor(on: day)
        let p = base * occurrence
        guard p > 0, generator.nextUnitDouble() < p else { return 0 }
        let factor = sizeFactor(on: day)
        guard factor > 0 else { return 0 }
        let mean = max(1, sizeMean * factor)
        if sizeCV < 0.6 && mean < 12 {
            return 1 + Int64(PoissonSampler(mean: mean - 1).sample(using: &generator))
        }
        let size =
            sizeCV < 0.6
            ? GammaSampler(mean: mean, coefficientOfVariation: sizeCV).sample(using: &generator)
            : LognormalSampler(mean: mean, coefficientOfVariation: sizeCV).sample(using: &generator)
        return max(1, Int64(min(size.rounded(), 1e15)))
    }
}
