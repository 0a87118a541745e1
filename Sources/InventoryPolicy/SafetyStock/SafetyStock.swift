/// Safety stock: the stock held above expected demand over the protection interval to absorb
/// demand and lead-time variability.
///
/// The protection interval is the lead time L for continuous review and L + R for periodic review
/// with review period R (both in the time unit of the demand rate). Expected demand over it is
/// d·(L + R); the reorder level is that plus the safety stock — the reorder point for continuous
/// review (R = 0), the order-up-to level for periodic review.
///
/// Sources: E. A. Silver, D. F. Pyke, D. J. Thomas, *Inventory and Production Management in Supply
/// Chains*, 4th ed. (2017), ch. 6 (cycle service level, fill rate, lead-time variability);
/// Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), ch. 4–5.
public enum SafetyStock {}

/// A safety stock with the numbers behind it.
public struct SafetyStockResult: Hashable, Sendable {
    /// The safety factor: z = Φ⁻¹(α) for a cycle service level, k with G(k) = (1 − β)Q/σ for a fill
    /// rate.
    public var safetyFactor: Double
    /// Standard deviation of demand over the protection interval, σ = √((L + R)σd² + d²σL²).
    public var standardDeviation: Double
    /// Safety stock, safetyFactor·σ (may be negative for a low fill-rate target; see
    /// ``SafetyStock/bounded(_:demandMean:maximumDaysOfSupply:)``).
    public var safetyStock: Double
    /// Expected demand over the protection interval, d·(L + R).
    public var expectedDemand: Double
    /// Reorder point (R = 0) or order-up-to level (R > 0): expectedDemand + safetyStock.
    public var reorderLevel: Double

    /// Creates a result.
    public init(safetyFactor: Double, standardDeviation: Double, safetyStock: Double, expectedDemand: Double) {
        self.safetyFactor = safetyFactor
        self.standardDeviation = standardDeviation
        self.safetyStock = safetyStock
        self.expectedDemand = expectedDemand
        self.reorderLevel = expectedDemand + safetyStock
    }
}

/// Demand over the protection interval: its mean d·(L + R) and standard deviation
/// √((L + R)σd² + d²σL²).
public struct ProtectionIntervalDemand: Hashable, Sendable {
    /// d·(L + R).
    public var mean: Double
    /// √((L + R)σd² + d²σL²).
    public var standardDeviation: Double

    /// Combines demand per period (mean d, standard deviation σd, independent across periods) with a
    /// lead time of mean L and standard deviation σL, plus a review period R.
    ///
    /// Var = (L + R)σd² + d²σL²: the variance of a random sum (Silver, Pyke & Thomas 2017 ch. 6;
    /// the formula of `safety_stock_csl.json`). Throws on negative or non-finite inputs.
    public init(
        demandMean: Double, demandStandardDeviation: Double, leadTime: Double, leadTimeStandardDeviation: Double = 0,
        reviewPeriod: Double = 0
    ) throws(PolicyError) {
        try Check.nonNegative(demandMean, "demand mean")
        try Check.nonNegative(demandStandardDeviation, "demand standard deviation")
        try Check.nonNegative(leadTime, "lead time")
        try Check.nonNegative(leadTimeStandardDeviation, "lead-time standard deviation")
        try Check.nonNegative(reviewPeriod, "review period")
        let periods = leadTime + reviewPeriod
        mean = demandMean * periods
        standardDeviation =
            (periods * demandStandardDeviation * demandStandardDeviation
            + demandMean * demandMean * leadTimeStandardDeviation * leadTimeStandardDeviation).squareRoot()
    }
}
