#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lognormal distribution: X = exp(μ + σZ), Z standard normal (``NormalSampler``).
///
/// Mean exp(μ + σ²/2), variance (exp(σ²) − 1)·exp(2μ + σ²) (Johnson, Kotz & Balakrishnan,
/// *Continuous Univariate Distributions* vol. 1, 2nd ed. 1994, ch. 14).
/// ``init(mean:coefficientOfVariation:)`` inverts these: σ² = ln(1 + c²), μ = ln m − σ²/2.
public struct LognormalSampler: RandomSampler, Hashable {
    /// μ, the mean of ln X.
    public var logMean: Double
    /// σ ≥ 0, the standard deviation of ln X.
    public var logStandardDeviation: Double

    /// Creates the distribution of exp(N(`logMean`, `logStandardDeviation`²)).
    public init(logMean: Double, logStandardDeviation: Double) {
        precondition(logStandardDeviation >= 0, "σ must be ≥ 0")
        self.logMean = logMean
        self.logStandardDeviation = logStandardDeviation
    }

    /// Creates the lognormal distribution with mean `mean` > 0 and coefficient of variation
    /// `coefficientOfVariation` ≥ 0: σ² = ln(1 + c²), μ = ln m − σ²/2.
    public init(mean: Double, coefficientOfVariation: Double) {
        precondition(mean > 0 && coefficientOfVariation >= 0, "mean must be > 0 and CV ≥ 0")
        let variance = log1p(coefficientOfVariation * coefficientOfVariation)
        self.init(logMean: log(mean) - variance / 2, logStandardDeviation: variance.squareRoot())
    }

    /// Creates the lognormal distribution with median `median` > 0 and log-scale σ.
    public init(median: Double, logStandardDeviation: Double) {
        precondition(median > 0, "median must be > 0")
        self.init(logMean: log(median), logStandardDeviation: logStandardDeviation)
    }

    /// One draw.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        exp(logMean + logStandardDeviation * NormalSampler.standard(using: &generator))
    }

    /// exp(μ + σ²/2).
    public var mean: Double { exp(logMean + logStandardDeviation * logStandardDeviation / 2) }

    /// (exp(σ²) − 1)·exp(2μ + σ²).
    public var variance: Double {
        let s2 = logStandardDeviation * logStandardDeviation
        return expm1(s2) * exp(2 * logMean + s2)
    }
}
