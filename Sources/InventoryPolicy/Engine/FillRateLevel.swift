// Fill-rate (type 2) reorder levels for non-normal demand over the protection interval.
//
// Goal: the smallest level s whose expected shortage per replenishment cycle, n(s) = E[(D − s)⁺],
// is at most the allowed shortage (1 − β)·Q — the standard approximation of the fill rate
// β ≈ 1 − n(s)/Q that neglects n(s + Q) (Silver, Pyke & Thomas, *Inventory and Production
// Management in Supply Chains*, 4th ed., 2017, §6.9 and §7.8; Axsäter, *Inventory Control*, 3rd ed.,
// 2015, §5.3). n is decreasing and convex in s, so a bracketing search (integers) or Newton's method
// from the left (gamma) finds it.
//
// Sources for the loss functions: Poisson and negative binomial, Snyder & Shen, *Fundamentals of
// Supply Chain Theory*, 2nd ed. (2019), eq. (C.41) and Zipkin (2000) §C.2.3.6 (as implemented in
// InventoryCore); gamma, E[(X − s)⁺] = kθ·Q(k + 1, s/θ) − s·Q(k, s/θ) with Q the regularized upper
// incomplete gamma function (Burgin, "The gamma distribution and inventory control", *Operational
// Research Quarterly* 26(3), 1975, 507–525, doi:10.1057/jors.1975.110).

import InventoryCore

/// Fill-rate reorder levels for Poisson, negative-binomial and gamma demand.
public enum FillRateLevel {
    /// The smallest integer s ≥ 0 with E[(D − s)⁺] ≤ `expectedShortage`, D ~ Poisson(mean); NaN
    /// when the mean is not a finite number ≥ 0 (no Poisson distribution has it).
    public static func poisson(mean: Double, expectedShortage: Double) -> Double {
        let distribution: PoissonDistribution
        do {
            distribution = try PoissonDistribution(mean: mean)
        } catch {
            return .nan
        }
        return smallestInteger(start: mean, target: expectedShortage) { distribution.loss($0) }
    }

    /// The smallest integer s ≥ 0 with E[(D − s)⁺] ≤ `expectedShortage`, D negative binomial with
    /// the given mean and standard deviation (Poisson when the variance is not above the mean, the
    /// one case in which no negative binomial has these moments).
    public static func negativeBinomial(mean: Double, standardDeviation: Double, expectedShortage: Double) -> Double {
        guard mean > 0, standardDeviation * standardDeviation > mean else {
            return poisson(mean: mean, expectedShortage: expectedShortage)
        }
        let distribution: NegativeBinomialDistribution
        do {
            distribution = try NegativeBinomialDistribution(mean: mean, standardDeviation: standardDeviation)
        } catch {
            return .nan
        }
        return smallestInteger(start: mean, target: expectedShortage) { distribution.loss($0) }
    }

    /// The level s with E[(X − s)⁺] = `expectedShortage`, X gamma with the given mean and standard
    /// deviation (shape k = μ²/σ², scale θ = σ²/μ); 0 when the mean is already within the allowance.
    public static func gamma(mean: Double, standardDeviation: Double, expectedShortage: Double) -> Double {
        guard mean > 0, standardDeviation > 0, expectedShortage < mean else { return 0 }
        let shape = mean * mean / (standardDeviation * standardDeviation)
        let scale = standardDeviation * standardDeviation / mean
        func loss(_ s: Double) -> Double {
            mean * SpecialFunctions.regularizedGammaQ(shape + 1, s / scale)
                - s * SpecialFunctions.regularizedGammaQ(shape, s / scale)
        }
        guard expectedShortage > 0 else { return .infinity }
        // Newton from s = 0 (left of the root): f(s) = loss(s) − target is convex and decreasing with
        // f′(s) = −Q(k, s/θ), so the iterates increase monotonically to the root.
        var s = 0.0
        var low = 0.0
        var high = Double.infinity
        for _ in 0..<200 {
            let residual = loss(s) - expectedShortage
            if residual > 0 { low = max(low, s) } else { high = min(high, s) }
            if abs(residual) <= 1e-12 * mean { break }
            let slope = -SpecialFunctions.regularizedGammaQ(shape, s / scale)
            var next = slope < 0 ? s - residual / slope : .nan
            if !next.isFinite || next <= low || next >= high {
                next = high.isFinite ? 0.5 * (low + high) : max(2 * low, low + mean)
            }
            if abs(next - s) <= 1e-12 * max(1, s) {
                s = next
                break
            }
            s = next
        }
        return s
    }

    /// Smallest integer s ≥ 0 with loss(s) ≤ target, loss non-increasing; exponential search from
    /// ⌊start⌋ then bisection.
    static func smallestInteger(start: Double, target: Double, loss: (Int) -> Double) -> Double {
        if loss(0) <= target { return 0 }
        guard target > 0 else { return .infinity }
        var low = 0  // loss(low) > target
        var high = max(1, Int(min(max(0, start), 1e15)))
        var step = max(1, high / 2)
        while loss(high) > target {
            low = high
            high += step
            step *= 2
            if high > 1 << 52 { return .infinity }
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if loss(middle) <= target { high = middle } else { low = middle }
        }
        return Double(high)
    }
}
