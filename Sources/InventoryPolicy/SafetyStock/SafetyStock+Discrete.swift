import InventoryCore

/// A reorder level from a discrete (or skewed) demand model, for slow and intermittent movers.
public struct DiscreteSafetyStockResult: Hashable, Sendable {
    /// The demand model that was used.
    public enum Model: String, Hashable, Sendable {
        /// Poisson (variance = mean).
        case poisson
        /// Negative binomial (variance > mean).
        case negativeBinomial = "negative_binomial"
        /// Gamma (continuous, skewed).
        case gamma
    }

    /// The model used.
    public var model: Model
    /// The reorder level: the α-quantile of demand over the protection interval (integer for the
    /// discrete models).
    public var reorderLevel: Double
    /// Expected demand over the protection interval.
    public var expectedDemand: Double
    /// reorderLevel − expectedDemand (may be negative for low targets).
    public var safetyStock: Double

    /// Creates a result.
    public init(model: Model, reorderLevel: Double, expectedDemand: Double) {
        self.model = model
        self.reorderLevel = reorderLevel
        self.expectedDemand = expectedDemand
        self.safetyStock = reorderLevel - expectedDemand
    }
}

extension SafetyStock {
    /// Reorder level for a cycle service level α under Poisson demand over the protection interval:
    /// the smallest integer s with F(s) ≥ α, F the Poisson(d·(L + R)) cdf. SS = s − d·(L + R).
    ///
    /// For slow movers whose demand is a count (Silver, Pyke & Thomas 2017 ch. 7; Snyder & Shen 2019
    /// ch. 4). Lead-time variability is ignored (use ``negativeBinomial(_:demand:)`` for it).
    public static func poisson(
        _ serviceLevel: Double, demandMean: Double, leadTime: Double, reviewPeriod: Double = 0
    ) throws(PolicyError) -> DiscreteSafetyStockResult {
        try Check.openUnitInterval(serviceLevel, "service level")
        let demand = try ProtectionIntervalDemand(
            demandMean: demandMean, demandStandardDeviation: 0, leadTime: leadTime, reviewPeriod: reviewPeriod)
        let distribution: PoissonDistribution
        do { distribution = try PoissonDistribution(mean: demand.mean) } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
        return DiscreteSafetyStockResult(
            model: .poisson, reorderLevel: Double(distribution.quantile(serviceLevel)), expectedDemand: demand.mean)
    }

    /// Reorder level for a cycle service level α under negative-binomial demand over the protection
    /// interval, matched to its mean d·(L + R) and variance (L + R)σd² + d²σL²: the smallest integer s
    /// with F(s) ≥ α. When the variance is not above the mean the demand is not over-dispersed and the
    /// Poisson with the same mean is used instead (the result's `model` says which).
    public static func negativeBinomial(
        _ serviceLevel: Double, demand: ProtectionIntervalDemand
    ) throws(PolicyError) -> DiscreteSafetyStockResult {
        try Check.openUnitInterval(serviceLevel, "service level")
        let variance = demand.standardDeviation * demand.standardDeviation
        do {
            if demand.mean > 0, variance > demand.mean {
                let distribution = try NegativeBinomialDistribution(
                    mean: demand.mean, standardDeviation: demand.standardDeviation)
                return DiscreteSafetyStockResult(
                    model: .negativeBinomial, reorderLevel: Double(distribution.quantile(serviceLevel)),
                    expectedDemand: demand.mean)
            }
            let distribution = try PoissonDistribution(mean: demand.mean)
            return DiscreteSafetyStockResult(
                model: .poisson, reorderLevel: Double(distribution.quantile(serviceLevel)), expectedDemand: demand.mean)
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
    }

    /// Reorder level for a cycle service level α under gamma demand over the protection interval,
    /// matched to its mean and standard deviation (k = μ²/σ², θ = σ²/μ): the α-quantile. A skewed
    /// continuous alternative to the normal for lumpy demand. Requires mean > 0 and σ > 0.
    public static func gamma(
        _ serviceLevel: Double, demand: ProtectionIntervalDemand
    ) throws(PolicyError) -> DiscreteSafetyStockResult {
        try Check.openUnitInterval(serviceLevel, "service level")
        do {
            let distribution = try GammaDistribution(mean: demand.mean, standardDeviation: demand.standardDeviation)
            return DiscreteSafetyStockResult(
                model: .gamma, reorderLevel: distribution.quantile(serviceLevel), expectedDemand: demand.mean)
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
    }
}
