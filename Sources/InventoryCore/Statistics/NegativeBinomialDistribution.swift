// The negative binomial distribution, for demand more variable than Poisson.
//
// Goals, in priority order: (1) scipy's / stockpyl's parameterisation, so reference values carry
// over: D counts failures before the r-th success with success probability p, mean r(1 − p)/p,
// variance r(1 − p)/p²; from a mean μ and standard deviation σ (σ² > μ): r = μ²/(σ² − μ), p = μ/σ²
// (stockpyl 1.0.2, loss_functions.negative_binomial_loss); (2) relative accuracy in both tails (pmf
// by Loader's saddle point, cdf and tail by the regularized incomplete beta function, each tail
// computed directly); (3) speed.
//
// Sources: F(k) = I_p(r, k + 1) (Numerical Recipes 3rd ed. §6.4); loss function from P. H. Zipkin,
// *Foundations of Inventory Management* (2000) §C.2.3.6, as used by stockpyl: with β = (1 − p)/p,
// n(x) = −(x − rβ)(1 − F(x)) + (x + r)·β·f(x), n̄(x) = x − μ + n(x).

import RealModule

/// The negative binomial distribution NB(r, p) on {0, 1, 2, …} (scipy's `nbinom(r, p)`).
public struct NegativeBinomialDistribution: Hashable, Sendable {
    /// Number of successes r > 0 (real-valued; the "size" or dispersion parameter).
    public let successes: Double
    /// Success probability p, 0 < p ≤ 1 (p = 1 is the point mass at 0).
    public let probability: Double

    /// NB(r, p): f(k) = Γ(k + r)/(Γ(r)·k!)·pʳ(1 − p)ᵏ. Throws unless r > 0 and 0 < p ≤ 1.
    public init(successes r: Double, probability p: Double) throws(DistributionError) {
        try DistributionError.require(r.isFinite && r > 0, "successes r", r, "a finite number > 0")
        try DistributionError.require(p > 0 && p <= 1, "probability p", p, "in (0, 1]")
        self.successes = r
        self.probability = p
    }

    /// The negative binomial with mean μ and standard deviation σ: r = μ²/(σ² − μ), p = μ/σ².
    ///
    /// Throws ``DistributionError/Code/varianceNotAboveMean`` when σ² ≤ μ: such demand is not
    /// over-dispersed, use ``PoissonDistribution`` (σ² = μ) or a normal/binomial model instead.
    /// Throws ``DistributionError/Code/invalidParameter`` when μ ≤ 0 or σ is not finite.
    public init(mean: Double, standardDeviation: Double) throws(DistributionError) {
        try DistributionError.require(mean.isFinite && mean > 0, "mean", mean, "a finite number > 0")
        try DistributionError.require(
            standardDeviation.isFinite && standardDeviation >= 0, "standard deviation", standardDeviation,
            "a finite number ≥ 0")
        let variance = standardDeviation * standardDeviation
        guard variance > mean else {
            throw DistributionError(
                code: .varianceNotAboveMean,
                message: "negative binomial needs variance > mean, got mean \(mean) and variance \(variance); "
                    + "use a Poisson distribution when variance ≈ mean")
        }
        try self.init(successes: mean * mean / (variance - mean), probability: mean / variance)
    }

    /// Mean r(1 − p)/p.
    public var mean: Double { successes * (1 - probability) / probability }
    /// Variance r(1 − p)/p².
    public var variance: Double { mean / probability }
    /// Standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// f(k) = Γ(k + r)/(Γ(r)·k!)·pʳ(1 − p)ᵏ (0 for k < 0); R's dnbinom, via Loader's binomial density.
    public func pmf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if probability == 1 { return k == 0 ? 1 : 0 }
        let x = Double(k)
        let n = x + successes
        return successes / n * SaddlePoint.binomialDensity(successes, n, probability, 1 - probability)
    }

    /// F(k) = P(D ≤ k) = I_p(r, k + 1) (0 for k < 0).
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if probability == 1 { return 1 }
        return SpecialFunctions.incompleteBeta(successes, Double(k) + 1, probability).lower
    }

    /// 1 − F(k) = I_{1−p}(k + 1, r), computed directly (accurate in the tail).
    public func survival(_ k: Int) -> Double {
        if k < 0 { return 1 }
        if probability == 1 { return 0 }
        return SpecialFunctions.incompleteBeta(successes, Double(k) + 1, probability).upper
    }

    /// The smallest k ≥ 0 with F(k) ≥ p (scipy's `nbinom.ppf` for 0 < p < 1).
    ///
    /// `p ≤ 0` gives 0; `p ≥ 1` gives `Int.max`; NaN gives 0.
    public func quantile(_ p: Double) -> Int {
        if !(p > 0) || probability == 1 { return 0 }
        if p >= 1 { return Int.max }
        // Cornish–Fisher start with skewness (2 − p)/√(r(1 − p)).
        let z = StandardNormal.quantile(p)
        let skew = (2 - probability) / (successes * (1 - probability)).squareRoot()
        let guess = (mean + standardDeviation * (z + skew * (z * z - 1) / 6)).rounded(.down)
        let start = guess.isFinite ? Int(max(0, min(guess, 9.0e15))) : 0
        return discreteQuantileSearch(p, guess: start) { cdf($0) }
    }

    /// First-order loss n(x) = E[(D − x)⁺] = −(x − rβ)(1 − F(x)) + (x + r)·β·f(x), β = (1 − p)/p.
    ///
    /// Zipkin (2000) §C.2.3.6, as in stockpyl's `negative_binomial_loss`. For x < 0 this is μ − x.
    public func loss(_ x: Int) -> Double {
        if x < 0 { return mean - Double(x) }
        let beta = (1 - probability) / probability
        let xd = Double(x)
        return -(xd - successes * beta) * survival(x) + (xd + successes) * beta * pmf(x)
    }

    /// Complementary loss n̄(x) = E[(x − D)⁺] = x − μ + n(x). For x < 0 this is 0.
    public func complementaryLoss(_ x: Int) -> Double {
        if x < 0 { return 0 }
        return Double(x) - mean + loss(x)
    }
}
