import InventoryCore

/// The newsvendor model and the single-stage base-stock policy it gives with a lead time.
///
/// Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), ch. 4, as implemented by
/// stockpyl 1.0.2 (`stockpyl.newsvendor`): holding cost h and stockout (backorder) cost p per unit
/// per period, critical ratio α = p/(h + p), expected cost g(S) = h·n̄(S) + p·n(S) (eq. 4.24) where
/// n and n̄ are the loss and complementary loss of the demand that the level S must cover.
///
/// Lead time (stockpyl's convention): with a lead time of L periods a periodic-review base-stock
/// level protects L + 1 periods of demand, so D ~ N((L + 1)μ, (L + 1)σ²) (and Poisson((L + 1)λ)).
public enum Newsvendor {}

/// A base-stock (order-up-to) level and its expected cost per period.
public struct BaseStockSolution<Level: Hashable & Sendable>: Hashable, Sendable {
    /// Base-stock level S (Double for continuous demand, Int for discrete demand).
    public var baseStockLevel: Level
    /// Expected cost per period g(S).
    public var cost: Double

    /// Creates a solution.
    public init(baseStockLevel: Level, cost: Double) {
        self.baseStockLevel = baseStockLevel
        self.cost = cost
    }
}

/// A base-stock level and its expected profit (the explicit revenue / purchase / salvage form).
public struct NewsvendorProfitSolution<Level: Hashable & Sendable>: Hashable, Sendable {
    /// Base-stock level S.
    public var baseStockLevel: Level
    /// Expected profit per period π(S).
    public var profit: Double

    /// Creates a solution.
    public init(baseStockLevel: Level, profit: Double) {
        self.baseStockLevel = baseStockLevel
        self.profit = profit
    }
}

extension Newsvendor {
    /// Critical ratio α = p/(h + p), after checking h > 0 and p > 0.
    static func criticalRatio(_ holdingCost: Double, _ stockoutCost: Double) throws(PolicyError) -> Double {
        try Check.positive(holdingCost, "holding cost")
        try Check.positive(stockoutCost, "stockout cost")
        return stockoutCost / (holdingCost + stockoutCost)
    }

    /// Demand over the L + 1 periods a base-stock level protects, N((L + 1)μ, (L + 1)σ²).
    static func protectedNormalDemand(
        _ mean: Double, _ standardDeviation: Double, _ leadTime: Double
    ) throws(PolicyError) -> NormalDistribution {
        try Check.nonNegative(mean, "demand mean")
        try Check.nonNegative(standardDeviation, "demand standard deviation")
        try Check.nonNegative(leadTime, "lead time")
        let periods = leadTime + 1
        do {
            return try NormalDistribution(mean: mean * periods, standardDeviation: standardDeviation * periods.squareRoot())
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
    }

    /// Poisson demand over L + 1 periods, Poisson((L + 1)λ).
    static func protectedPoissonDemand(_ mean: Double, _ leadTime: Double) throws(PolicyError) -> PoissonDistribution {
        try Check.nonNegative(mean, "demand mean")
        try Check.nonNegative(leadTime, "lead time")
        do {
            return try PoissonDistribution(mean: mean * (leadTime + 1))
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
    }
}
