import InventoryCore

extension SafetyStock {
    /// Safety stock for a cycle service level α (type 1: probability of no stock-out per cycle).
    ///
    /// z = Φ⁻¹(α), SS = z·σ with σ = √((L + R)σd² + d²σL²), reorder level d·(L + R) + SS.
    /// Silver, Pyke & Thomas (2017) ch. 6; the formula of `safety_stock_csl.json`. α in (0, 1).
    public static func cycleServiceLevel(
        _ serviceLevel: Double, demand: ProtectionIntervalDemand
    ) throws(PolicyError) -> SafetyStockResult {
        try Check.openUnitInterval(serviceLevel, "service level")
        let z = StandardNormal.quantile(serviceLevel)
        return SafetyStockResult(
            safetyFactor: z, standardDeviation: demand.standardDeviation, safetyStock: z * demand.standardDeviation,
            expectedDemand: demand.mean)
    }

    /// Safety stock for a fill rate β (type 2: fraction of demand met from stock) with order quantity Q.
    ///
    /// k solves σ·G(k) = (1 − β)·Q, G the standard normal loss function (expected shortage per cycle
    /// equals the allowed (1 − β)Q); SS = k·σ. Silver, Pyke & Thomas (2017) ch. 6; Snyder & Shen (2019)
    /// ch. 4. k may be negative when (1 − β)Q > σ·G(0): no clamp is applied here (see
    /// ``bounded(_:demandMean:maximumDaysOfSupply:)``). With σ = 0 there is no uncertainty: k = 0,
    /// SS = 0. β in (0, 1), Q > 0.
    public static func fillRate(
        _ fillRate: Double, orderQuantity: Double, demand: ProtectionIntervalDemand
    ) throws(PolicyError) -> SafetyStockResult {
        try Check.openUnitInterval(fillRate, "fill rate")
        try Check.positive(orderQuantity, "order quantity")
        let sigma = demand.standardDeviation
        guard sigma > 0 else {
            return SafetyStockResult(safetyFactor: 0, standardDeviation: 0, safetyStock: 0, expectedDemand: demand.mean)
        }
        let k = StandardNormal.inverseLoss((1 - fillRate) * orderQuantity / sigma)
        return SafetyStockResult(safetyFactor: k, standardDeviation: sigma, safetyStock: k * sigma, expectedDemand: demand.mean)
    }

    /// Safety stock from forecast errors: SS = z·σₑ·√(L + R), σₑ the standard deviation (or RMSE) of
    /// one-period forecast errors, assumed independent across periods.
    ///
    /// Silver, Pyke & Thomas (2017) ch. 6 (forecast errors instead of demand variability).
    public static func forecastError(
        serviceLevel: Double, forecastErrorStandardDeviation: Double, demandMean: Double, leadTime: Double,
        reviewPeriod: Double = 0
    ) throws(PolicyError) -> SafetyStockResult {
        let demand = try ProtectionIntervalDemand(
            demandMean: demandMean, demandStandardDeviation: forecastErrorStandardDeviation, leadTime: leadTime,
            reviewPeriod: reviewPeriod)
        return try cycleServiceLevel(serviceLevel, demand: demand)
    }

    /// A safety stock kept within bounds: never below 0 and, when given, never above
    /// `maximumDaysOfSupply` days of demand (demandMean per day).
    public static func bounded(_ safetyStock: Double, demandMean: Double, maximumDaysOfSupply: Double? = nil) -> Double {
        var value = max(0, safetyStock.isNaN ? 0 : safetyStock)
        if let days = maximumDaysOfSupply, days >= 0, demandMean >= 0 { value = min(value, days * demandMean) }
        return value
    }
}

/// Reorder points and order-up-to levels from expected demand and safety stock.
public enum ReorderPoint {
    /// Continuous review: r = d·L + SS.
    public static func continuousReview(demandMean: Double, leadTime: Double, safetyStock: Double) -> Double {
        demandMean * leadTime + safetyStock
    }

    /// Periodic review: S = d·(L + R) + SS.
    public static func orderUpToLevel(
        demandMean: Double, leadTime: Double, reviewPeriod: Double, safetyStock: Double
    ) -> Double {
        demandMean * (leadTime + reviewPeriod) + safetyStock
    }
}
