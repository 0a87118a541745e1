import InventoryCore

extension Newsvendor {
    /// Optimal base-stock level and cost under normal demand.
    ///
    /// S* = μ_L + σ_L·Φ⁻¹(α), α = p/(h + p), and g(S*) = (h + p)·φ(Φ⁻¹(α))·σ_L, with μ_L = (L + 1)μ and
    /// σ_L = √(L + 1)·σ. Snyder & Shen (2019) eqs. (4.30) and (4.37); stockpyl's `newsvendor_normal`.
    public static func normal(
        holdingCost: Double, stockoutCost: Double, demandMean: Double, demandStandardDeviation: Double,
        leadTime: Double = 0
    ) throws(PolicyError) -> BaseStockSolution<Double> {
        let alpha = try criticalRatio(holdingCost, stockoutCost)
        let demand = try protectedNormalDemand(demandMean, demandStandardDeviation, leadTime)
        let z = StandardNormal.quantile(alpha)
        return BaseStockSolution(
            baseStockLevel: demand.quantile(alpha),
            cost: (holdingCost + stockoutCost) * StandardNormal.pdf(z) * demand.standardDeviation)
    }

    /// Expected cost of a given base-stock level under normal demand, g(S) = h·n̄(S) + p·n(S).
    ///
    /// Snyder & Shen (2019) eq. (4.24) with the normal loss functions (C.31)–(C.32); stockpyl's
    /// `newsvendor_normal_cost`.
    public static func normalCost(
        baseStockLevel: Double, holdingCost: Double, stockoutCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double = 0
    ) throws(PolicyError) -> Double {
        try Check.finite(baseStockLevel, "base-stock level")
        _ = try criticalRatio(holdingCost, stockoutCost)
        let demand = try protectedNormalDemand(demandMean, demandStandardDeviation, leadTime)
        return holdingCost * demand.complementaryLoss(baseStockLevel) + stockoutCost * demand.loss(baseStockLevel)
    }

    /// Optimal level and expected profit in the explicit form with revenue r, purchase cost c,
    /// salvage value v (and optional h, p on top).
    ///
    /// α = (p + r − c)/(p + h + r − v), S* = μ_L + σ_L·Φ⁻¹(α),
    /// π(S*) = (r − c)μ_L − (r − v + h + p)·φ(Φ⁻¹(α))·σ_L. Snyder & Shen (2019) ch. 4; stockpyl's
    /// `newsvendor_normal_explicit`. Requires r > c > v.
    public static func normalExplicit(
        revenue: Double, purchaseCost: Double, salvageValue: Double, demandMean: Double,
        demandStandardDeviation: Double, holdingCost: Double = 0, stockoutCost: Double = 0, leadTime: Double = 0
    ) throws(PolicyError) -> NewsvendorProfitSolution<Double> {
        let alpha = try explicitRatio(revenue, purchaseCost, salvageValue, holdingCost, stockoutCost)
        let demand = try protectedNormalDemand(demandMean, demandStandardDeviation, leadTime)
        let z = StandardNormal.quantile(alpha)
        let overage = revenue - salvageValue + holdingCost + stockoutCost
        return NewsvendorProfitSolution(
            baseStockLevel: demand.quantile(alpha),
            profit: (revenue - purchaseCost) * demand.mean - overage * StandardNormal.pdf(z) * demand.standardDeviation)
    }

    /// Expected profit of a given level in the explicit form:
    /// π(S) = (r − c + p)S − pμ_L + (v − r − h − p)·n̄(S).
    public static func normalExplicitProfit(
        baseStockLevel: Double, revenue: Double, purchaseCost: Double, salvageValue: Double, demandMean: Double,
        demandStandardDeviation: Double, holdingCost: Double = 0, stockoutCost: Double = 0, leadTime: Double = 0
    ) throws(PolicyError) -> Double {
        try Check.finite(baseStockLevel, "base-stock level")
        _ = try explicitRatio(revenue, purchaseCost, salvageValue, holdingCost, stockoutCost)
        let demand = try protectedNormalDemand(demandMean, demandStandardDeviation, leadTime)
        return explicitProfit(
            baseStockLevel, demand.mean, demand.complementaryLoss(baseStockLevel), revenue, purchaseCost, salvageValue,
            holdingCost, stockoutCost)
    }

    static func explicitRatio(
        _ r: Double, _ c: Double, _ v: Double, _ h: Double, _ p: Double
    ) throws(PolicyError) -> Double {
        try Check.nonNegative(h, "holding cost")
        try Check.nonNegative(p, "stockout cost")
        try Check.finite(r, "revenue")
        try Check.finite(c, "purchase cost")
        try Check.finite(v, "salvage value")
        guard r > c, c > v else {
            throw PolicyError(
                code: .invalidInput,
                message: "need revenue > purchase cost > salvage value, got \(r), \(c), \(v)")
        }
        return (p + r - c) / (p + h + r - v)
    }

    static func explicitProfit(
        _ level: Double, _ mean: Double, _ complementaryLoss: Double, _ r: Double, _ c: Double, _ v: Double,
        _ h: Double, _ p: Double
    ) -> Double {
        (r - c + p) * level - p * mean + (v - r - h - p) * complementaryLoss
    }
}
