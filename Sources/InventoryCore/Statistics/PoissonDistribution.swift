// The Poisson distribution.
//
// Goals, in priority order: (1) relative accuracy for any mean (the pmf by Loader's saddle-point
// form, the cdf and tail by the regularized incomplete gamma function, each tail computed directly),
// (2) exact integer quantiles (the smallest k with F(k) ≥ p, checked against the cdf), (3) speed.
//
// Sources: F(k) = Q(k + 1, λ) and 1 − F(k) = P(k + 1, λ) (Numerical Recipes 3rd ed., eq. 6.2.16);
// the loss functions are Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed., eqs.
// (C.41)–(C.42): n(x) = −(x − λ)(1 − F(x)) + λ·f(x), n̄(x) = (x − λ)·F(x) + λ·f(x).

import RealModule

/// The Poisson distribution with mean λ ≥ 0 (λ = 0 is the point mass at 0).
public struct PoissonDistribution: Hashable, Sendable {
    /// Mean λ (also the variance).
    public let mean: Double

    /// Poisson(λ). Throws when λ is negative or not finite.
    public init(mean: Double) throws(DistributionError) {
        try DistributionError.require(mean.isFinite && mean >= 0, "mean", mean, "a finite number ≥ 0")
        self.mean = mean
    }

    /// Standard deviation √λ.
    public var standardDeviation: Double { mean.squareRoot() }

    /// f(k) = λᵏ e^(−λ)/k! (0 for k < 0).
    public func pmf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        return SaddlePoint.poissonDensity(Double(k), mean)
    }

    /// F(k) = P(D ≤ k) = Q(k + 1, λ) (0 for k < 0).
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if mean == 0 { return 1 }
        return SpecialFunctions.incompleteGamma(Double(k) + 1, mean).upper
    }

    /// 1 − F(k) = P(D > k) = P(k + 1, λ), accurate far in the tail.
    public func survival(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if mean == 0 { return 0 }
        return SpecialFunctions.incompleteGamma(Double(k) + 1, mean).lower
    }

    /// The smallest k ≥ 0 with F(k) ≥ p (scipy's `poisson.ppf` for 0 < p < 1).
    ///
    /// `p ≤ 0` gives 0; `p ≥ 1` has no finite quantile and gives `Int.max`; NaN gives 0.
    public func quantile(_ p: Double) -> Int {
        if !(p > 0) || mean == 0 { return 0 }
        if p >= 1 { return Int.max }
        // Cornish–Fisher start: λ + √λ·(z + (z² − 1)/(6√λ)).
        let z = StandardNormal.quantile(p)
        let sd = standardDeviation
        let guess = (mean + sd * z + (z * z - 1) / 6).rounded(.down)
        let start = guess.isFinite ? Int(max(0, min(guess, 9.0e15))) : 0
        return discreteQuantileSearch(p, guess: start) { cdf($0) }
    }

    /// First-order loss n(x) = E[(D − x)⁺] = −(x − λ)(1 − F(x)) + λ·f(x).
    ///
    /// Snyder & Shen (2019) eq. (C.41). For x < 0 this is λ − x.
    public func loss(_ x: Int) -> Double {
        if x < 0 { return mean - Double(x) }
        let d = Double(x) - mean
        return -d * survival(x) + mean * pmf(x)
    }

    /// Complementary loss n̄(x) = E[(x − D)⁺] = (x − λ)·F(x) + λ·f(x).
    ///
    /// Snyder & Shen (2019) eq. (C.42). For x < 0 this is 0.
    public func complementaryLoss(_ x: Int) -> Double {
        if x < 0 { return 0 }
        let d = Double(x) - mean
        return d * cdf(x) + mean * pmf(x)
    }
}
