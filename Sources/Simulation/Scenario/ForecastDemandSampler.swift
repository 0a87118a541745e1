public import InventoryCore
public import InventoryPolicy

/// One item-location's demand per period drawn from the distribution the plan fitted for it — the
/// scenarios' `demand: forecast` (docs/scenarios.md). Mean μ = the policy's forecast per period,
/// σ = its demand standard deviation per period, and the distribution the safety-stock maths
/// assumed for the item's demand pattern (`policy.distributions.*`, ``DemandDistribution``):
///
/// - **normal**: X ~ N(μ, σ²) censored at 0 — a negative draw is a period without demand, as
///   stockpyl's normal demand source does (`max(0, X)`); the mean is then μΦ(μ/σ) + σφ(μ/σ) ≥ μ,
///   within 10⁻⁶ · σ of μ from μ ≥ 5σ on;
/// - **poisson**: X ~ Poisson(μ) (variance μ; σ is not used, as in the safety-stock maths);
/// - **negative_binomial**: with σ² > μ the gamma–Poisson mixture X ~ Poisson(Λ), Λ ~ Gamma(shape
///   r = μ² / (σ² − μ), scale (σ² − μ) / μ), so E X = μ and Var X = σ² (Greenwood & Yule (1920),
///   *JRSS* 83(2), 255–279); otherwise Poisson(μ), the safety-stock maths' fallback;
/// - **gamma**: X ~ Gamma(mean μ, coefficient of variation σ/μ) (k = μ²/σ², θ = σ²/μ); μ when σ = 0.
///
/// Every draw is rounded to the replay's unit (1/`scale` base units, half away from zero).
public struct ForecastDemandSampler: Sendable, Hashable {
    /// The distribution.
    public var distribution: DemandDistribution
    /// μ, demand per period (base units, ≥ 0).
    public var mean: Double
    /// σ, the standard deviation of demand per period (≥ 0).
    public var standardDeviation: Double

    /// Creates the sampler; a mean or standard deviation that is negative or not finite counts as 0,
    /// as the policy engine reads it (``PolicyResult`` notes it as invalid demand).
    public init(distribution: DemandDistribution, mean: Double, standardDeviation: Double) {
        self.distribution = distribution
        self.mean = mean.isFinite && mean > 0 ? mean : 0
        self.standardDeviation = standardDeviation.isFinite && standardDeviation > 0 ? standardDeviation : 0
    }

    /// One period's demand in base units (before rounding to the replay's unit).
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        let m = mean
        let s = standardDeviation
        guard m > 0 else { return 0 }
        switch distribution {
        case .normal:
            return max(0, NormalSampler(mean: m, standardDeviation: s).sample(using: &generator))
        case .poisson:
            return Double(PoissonSampler(mean: m).sample(using: &generator))
        case .negativeBinomial:
            let variance = s * s
            guard variance > m else { return Double(PoissonSampler(mean: m).sample(using: &generator)) }
            let rate = GammaSampler(shape: m * m / (variance - m), scale: (variance - m) / m).sample(using: &generator)
            return Double(PoissonSampler(mean: rate).sample(using: &generator))
        case .gamma:
            guard s > 0 else { return m }
            return GammaSampler(mean: m, coefficientOfVariation: s / m).sample(using: &generator)
        }
    }

    /// Every row's demand for `periods` periods in each of `replications` replications, in whole
    /// units of 1/`scales[row]`: `result[row][replication · periods + t]`. Replication r draws from
    /// stream r of xoshiro256** under `seed`, the rows in order, each its periods in order — so a
    /// run is reproducible, and one replication's demand does not depend on how many there are.
    /// A draw above 10⁹ units throws, naming the row and period.
    public static func sample(
        _ samplers: [ForecastDemandSampler], scales: [Int], periods: Int, replications: Int, seed: UInt64
    ) throws(PolicyError) -> [[Int32]] {
        var result = samplers.map { _ in [Int32](repeating: 0, count: periods * replications) }
        for r in 0..<replications {
            var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(r))
            for (row, sampler) in samplers.enumerated() {
                let scale = Double(scales[row])
                for t in 0..<periods {
                    let units = (sampler.sample(using: &generator) * scale).rounded()
                    guard units <= Double(Backtest.largestValue) else {
                        throw PolicyError(
                            code: .invalidInput,
                            message:
                                "the sampled demand of row \(row) in period \(t) is \(units) units of 1/\(scales[row]), above 10⁹ — the fitted mean \(sampler.mean) and σ \(sampler.standardDeviation) are too large to replay"
                        )
                    }
                    result[row][r * periods + t] = Int32(units)
                }
            }
        }
        return result
    }
}
