import InventoryCore
import RealModule

extension Newsvendor {
    /// Optimal level and cost for lognormal demand, ln D ~ N(μ, σ²).
    ///
    /// S* = exp(μ + σ·Φ⁻¹(α)), α = p/(h + p); g(S) = h·n̄(S) + p·n(S) with the lognormal loss
    /// n(x) = E·Φ((μ + σ² − ln x)/σ) − x·(1 − Φ((ln x − μ)/σ)), E = e^(μ + σ²/2), n̄(x) = x − E + n(x)
    /// (Snyder & Shen 2019 eq. (4.102); stockpyl's `lognormal_loss`). No lead time.
    public static func lognormal(
        holdingCost: Double, stockoutCost: Double, logMean: Double, logStandardDeviation: Double
    ) throws(PolicyError) -> BaseStockSolution<Double> {
        let alpha = try criticalRatio(holdingCost, stockoutCost)
        try Check.finite(logMean, "log mean")
        try Check.positive(logStandardDeviation, "log standard deviation")
        let level = Double.exp(logMean + logStandardDeviation * StandardNormal.quantile(alpha))
        return BaseStockSolution(
            baseStockLevel: level,
            cost: lognormalCost(level, holdingCost, stockoutCost, logMean, logStandardDeviation))
    }

    /// Expected cost of a given level under lognormal demand (see ``lognormal(holdingCost:stockoutCost:logMean:logStandardDeviation:)``).
    public static func lognormalCost(
        baseStockLevel: Double, holdingCost: Double, stockoutCost: Double, logMean: Double, logStandardDeviation: Double
    ) throws(PolicyError) -> Double {
        _ = try criticalRatio(holdingCost, stockoutCost)
        try Check.finite(baseStockLevel, "base-stock level")
        try Check.finite(logMean, "log mean")
        try Check.positive(logStandardDeviation, "log standard deviation")
        return lognormalCost(baseStockLevel, holdingCost, stockoutCost, logMean, logStandardDeviation)
    }

    private static func lognormalCost(_ x: Double, _ h: Double, _ p: Double, _ mu: Double, _ sigma: Double) -> Double {
        let expected = Double.exp(mu + sigma * sigma / 2)
        let loss: Double
        if x > 0 {
            let logX = Double.log(x)
            loss =
                expected * StandardNormal.cdf((mu + sigma * sigma - logX) / sigma)
                - x * StandardNormal.survival((logX - mu) / sigma)
        } else {
            loss = expected - x
        }
        let complementary = x > 0 ? x - expected + loss : 0
        return h * complementary + p * loss
    }
}
