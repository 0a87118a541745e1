/// The normal distribution N(μ, σ²), with the loss functions used by inventory models.
///
/// A standard deviation of 0 is allowed and gives the point mass at μ (constant demand): its cdf is
/// a step, its quantile is μ, and its losses are (μ − x)⁺ and (x − μ)⁺.
public struct NormalDistribution: Hashable, Sendable {
    /// Mean μ.
    public let mean: Double
    /// Standard deviation σ ≥ 0.
    public let standardDeviation: Double

    /// N(μ, σ²). Throws when μ is not finite or σ is negative or not finite.
    public init(mean: Double, standardDeviation: Double) throws(DistributionError) {
        try DistributionError.require(mean.isFinite, "mean", mean, "a finite number")
        try DistributionError.require(
            standardDeviation.isFinite && standardDeviation >= 0, "standard deviation", standardDeviation,
            "a finite number ≥ 0")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Variance σ².
    public var variance: Double { standardDeviation * standardDeviation }

    /// z = (x − μ)/σ.
    func standardized(_ x: Double) -> Double { (x - mean) / standardDeviation }

    /// Density φ((x − μ)/σ)/σ (+∞ at μ and 0 elsewhere when σ = 0).
    public func pdf(_ x: Double) -> Double {
        if standardDeviation == 0 { return x == mean ? .infinity : 0 }
        return StandardNormal.pdf(standardized(x)) / standardDeviation
    }

    /// Distribution function Φ((x − μ)/σ).
    public func cdf(_ x: Double) -> Double {
        if standardDeviation == 0 { return x >= mean ? 1 : 0 }
        return StandardNormal.cdf(standardized(x))
    }

    /// Tail 1 − Φ((x − μ)/σ), accurate far above the mean.
    public func survival(_ x: Double) -> Double {
        if standardDeviation == 0 { return x >= mean ? 0 : 1 }
        return StandardNormal.survival(standardized(x))
    }

    /// Quantile μ + σ·Φ⁻¹(p) (AS 241); ±∞ at p ≤ 0 and p ≥ 1 when σ > 0.
    public func quantile(_ p: Double) -> Double {
        if standardDeviation == 0 { return p.isNaN ? .nan : mean }
        return mean + standardDeviation * StandardNormal.quantile(p)
    }

    /// First-order loss n(x) = E[(D − x)⁺] = σ·G((x − μ)/σ).
    ///
    /// Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed., eq. (C.31).
    public func loss(_ x: Double) -> Double {
        if standardDeviation == 0 { return max(mean - x, 0) }
        return standardDeviation * StandardNormal.loss(standardized(x))
    }

    /// Complementary loss n̄(x) = E[(x − D)⁺] = (x − μ) + n(x) = σ·Ḡ((x − μ)/σ).
    ///
    /// Snyder & Shen (2019) eq. (C.32).
    public func complementaryLoss(_ x: Double) -> Double {
        if standardDeviation == 0 { return max(x - mean, 0) }
        return standardDeviation * StandardNormal.complementaryLoss(standardized(x))
    }

    /// Second-order loss n⁽²⁾(x) = ½·E[((D − x)⁺)²] = σ²·G⁽²⁾((x − μ)/σ).
    ///
    /// Snyder & Shen (2019) eq. (C.33); ∫ₓ^∞ n(y) dy = n⁽²⁾(x).
    public func secondLoss(_ x: Double) -> Double {
        if standardDeviation == 0 { let d = max(mean - x, 0); return 0.5 * d * d }
        return variance * StandardNormal.secondLoss(standardized(x))
    }

    /// Complementary second-order loss n̄⁽²⁾(x) = ½·E[((x − D)⁺)²] = σ²·G⁽²⁾(−(x − μ)/σ).
    ///
    /// Snyder & Shen (2019) eq. (C.34).
    public func complementarySecondLoss(_ x: Double) -> Double {
        if standardDeviation == 0 { let d = max(x - mean, 0); return 0.5 * d * d }
        return variance * StandardNormal.complementarySecondLoss(standardized(x))
    }
}
