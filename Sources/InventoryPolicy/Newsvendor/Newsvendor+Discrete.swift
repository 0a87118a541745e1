import InventoryCore

extension Newsvendor {
    /// Optimal integer base-stock level and cost under Poisson demand (mean λ per period).
    ///
    /// S* = the smallest S with F(S) ≥ p/(h + p), F the Poisson((L + 1)λ) cdf; g(S) = h·n̄(S) + p·n(S)
    /// with the Poisson loss functions (C.41)–(C.42). Snyder & Shen (2019) ch. 4; stockpyl's
    /// `newsvendor_poisson` (which has no lead time: L = 0 there).
    public static func poisson(
        holdingCost: Double, stockoutCost: Double, demandMean: Double, leadTime: Double = 0
    ) throws(PolicyError) -> BaseStockSolution<Int> {
        let alpha = try criticalRatio(holdingCost, stockoutCost)
        let demand = try protectedPoissonDemand(demandMean, leadTime)
        let level = demand.quantile(alpha)
        return BaseStockSolution(baseStockLevel: level, cost: poissonCost(level, holdingCost, stockoutCost, demand))
    }

    /// Expected cost of a given integer level under Poisson demand, g(S) = h·n̄(S) + p·n(S).
    public static func poissonCost(
        baseStockLevel: Int, holdingCost: Double, stockoutCost: Double, demandMean: Double, leadTime: Double = 0
    ) throws(PolicyError) -> Double {
        _ = try criticalRatio(holdingCost, stockoutCost)
        let demand = try protectedPoissonDemand(demandMean, leadTime)
        return poissonCost(baseStockLevel, holdingCost, stockoutCost, demand)
    }

    static func poissonCost(_ level: Int, _ h: Double, _ p: Double, _ demand: PoissonDistribution) -> Double {
        h * demand.complementaryLoss(level) + p * demand.loss(level)
    }

    /// Optimal level and profit in the explicit revenue / purchase / salvage form, Poisson demand.
    ///
    /// S* = smallest S with F(S) ≥ (p + r − c)/(p + h + r − v); π(S) = (r − c + p)S − pμ_L + (v − r − h − p)·n̄(S).
    /// stockpyl's `newsvendor_poisson_explicit`.
    public static func poissonExplicit(
        revenue: Double, purchaseCost: Double, salvageValue: Double, demandMean: Double, holdingCost: Double = 0,
        stockoutCost: Double = 0, leadTime: Double = 0
    ) throws(PolicyError) -> NewsvendorProfitSolution<Int> {
        let alpha = try explicitRatio(revenue, purchaseCost, salvageValue, holdingCost, stockoutCost)
        let demand = try protectedPoissonDemand(demandMean, leadTime)
        let level = demand.quantile(alpha)
        let profit = explicitProfit(
            Double(level), demand.mean, demand.complementaryLoss(level), revenue, purchaseCost, salvageValue,
            holdingCost, stockoutCost)
        return NewsvendorProfitSolution(baseStockLevel: level, profit: profit)
    }

    /// Optimal level and cost for demand given by a probability mass function on integers.
    ///
    /// S* = the first demand value (in increasing order) at which the running sum of probabilities
    /// reaches p/(h + p); g(S) = h·Σ_{d≤S}(S − d)f(d) + p·Σ_{d≥S}(d − S)f(d). Snyder & Shen (2019)
    /// ch. 4, eqs. (C.36)–(C.37); stockpyl's `newsvendor_discrete`. Here p ≥ 0 is allowed.
    public static func discrete(
        holdingCost: Double, stockoutCost: Double, pmf: [Int: Double]
    ) throws(PolicyError) -> BaseStockSolution<Int> {
        let alpha = try discreteRatio(holdingCost, stockoutCost, pmf)
        let values = pmf.keys.sorted()
        var cumulative = 0.0
        var index = 0
        while cumulative < alpha, index < values.count {
            cumulative += pmf[values[index]] ?? 0
            index += 1
        }
        let level = values[max(index - 1, 0)]
        return BaseStockSolution(baseStockLevel: level, cost: discreteCost(level, holdingCost, stockoutCost, pmf))
    }

    /// Expected cost of a given level for demand given by a pmf.
    public static func discreteCost(
        baseStockLevel: Int, holdingCost: Double, stockoutCost: Double, pmf: [Int: Double]
    ) throws(PolicyError) -> Double {
        _ = try discreteRatio(holdingCost, stockoutCost, pmf)
        return discreteCost(baseStockLevel, holdingCost, stockoutCost, pmf)
    }

    static func discreteCost(_ level: Int, _ h: Double, _ p: Double, _ pmf: [Int: Double]) -> Double {
        var shortage = 0.0
        var excess = 0.0
        for (demand, probability) in pmf.sorted(by: { $0.key < $1.key }) {
            if demand > level { shortage += Double(demand - level) * probability }
            if demand < level { excess += Double(level - demand) * probability }
        }
        return h * excess + p * shortage
    }

    private static func discreteRatio(_ h: Double, _ p: Double, _ pmf: [Int: Double]) throws(PolicyError) -> Double {
        try Check.positive(h, "holding cost")
        try Check.nonNegative(p, "stockout cost")
        guard !pmf.isEmpty else { throw PolicyError(code: .invalidInput, message: "the demand pmf is empty") }
        var total = 0.0
        for (demand, probability) in pmf {
            guard probability.isFinite, probability >= 0 else {
                throw Check.invalid("probability of demand \(demand)", probability, "≥ 0")
            }
            total += probability
        }
        guard abs(total - 1) <= 1e-9 else {
            throw PolicyError(code: .invalidInput, message: "the demand pmf must sum to 1, sums to \(total)")
        }
        return p / (h + p)
    }
}
