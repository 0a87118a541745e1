import InventoryCore
import RealModule

extension SSPolicy {
    /// Expected cost per period of a given integer (s, S) under discrete demand.
    ///
    /// g(s, S) = (K + Σ_{d=0}^{S−s−1} m(d)·g(S − d))/M(S − s), Snyder & Shen (2019) eqs. (4.71)–(4.75);
    /// stockpyl's `s_s_cost_discrete`. Requires S > s.
    public static func cost(
        reorderPoint: Int, orderUpToLevel: Int, holdingCost: Double, stockoutCost: Double, orderCost: Double,
        demand: DiscreteDemand
    ) throws(PolicyError) -> Double {
        guard orderUpToLevel > reorderPoint else {
            throw PolicyError(
                code: .invalidInput,
                message: "order-up-to level (\(orderUpToLevel)) must exceed the reorder point (\(reorderPoint))")
        }
        guard orderUpToLevel - reorderPoint <= 1_000_000, abs(reorderPoint) <= 1 << 52 else {
            throw PolicyError(code: .invalidInput, message: "S − s must be at most 1 000 000")
        }
        var model = try SSCostModel(holdingCost, stockoutCost, orderCost, demand)
        return model.cost(reorderPoint, orderUpToLevel)
    }

    /// The optimal (s, S) by Zheng & Federgruen's algorithm, and its cost.
    ///
    /// Y.-S. Zheng & A. Federgruen, "Finding optimal (s, S) policies is about as simple as evaluating a
    /// single policy", Operations Research 39(4):654–665 (1991), doi:10.1287/opre.39.4.654; Snyder &
    /// Shen (2019) ch. 4. From the newsvendor level y*: lower s until g(s, y*) ≤ g(s); then raise S from
    /// y* + 1 while g(S) ≤ the best cost, adopting each improving S and raising s to match. The same
    /// steps as stockpyl's `s_s_discrete_exact`, so ties resolve the same way.
    public static func zhengFedergruen(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demand: DiscreteDemand
    ) throws(PolicyError) -> SSSolution<Int> {
        var model = try SSCostModel(holdingCost, stockoutCost, orderCost, demand)
        let start = model.newsvendorLevel()
        var s = start
        var steps = 0
        repeat {
            s -= 1
            steps += 1
            guard steps < 10_000_000 else { throw notConverging }
        } while model.cost(s, start) > model.g(s)
        var bestS = start
        var bestCost = model.cost(s, bestS)
        var candidate = bestS + 1
        while model.g(candidate) <= bestCost {
            steps += 1
            guard steps < 10_000_000 else { throw notConverging }
            if model.cost(s, candidate) < bestCost {
                bestS = candidate
                while model.cost(s, bestS) <= model.g(s + 1) { s += 1 }
                bestCost = model.cost(s, bestS)
            }
            candidate += 1
        }
        return SSSolution(reorderPoint: s, orderUpToLevel: bestS, cost: bestCost)
    }

    private static var notConverging: PolicyError {
        PolicyError(code: .infeasible, message: "the (s, S) search did not converge")
    }

    /// The power approximation of Ehrhardt & Mosier, as stockpyl's `s_s_power_approximation`.
    ///
    /// Q = 1.30·μ^0.494·(K/h)^0.506·(1 + σ²/μ²)^0.116, z = √(Q·h/(σ·p)),
    /// s = 0.973·μ + σ·(0.183/z + 1.063 − 2.192·z), S = s + Q. Snyder & Shen (2019) eqs. (4.77)–(4.80);
    /// R. Ehrhardt & C. Mosier, Management Science 30:618–622 (1984), doi:10.1287/mnsc.30.5.618.
    /// μ and σ are the mean and standard deviation of demand per period, used as given (stockpyl
    /// does not apply the book's refinement for Q/μ ≤ 1.5, and neither does this).
    public static func powerApproximation(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double,
        demandStandardDeviation: Double
    ) throws(PolicyError) -> SSSolution<Double> {
        try Check.positive(holdingCost, "holding cost")
        try Check.positive(stockoutCost, "stockout cost")
        try Check.positive(orderCost, "order cost")
        try Check.positive(demandMean, "demand mean")
        try Check.positive(demandStandardDeviation, "demand standard deviation")
        let mu = demandMean, sigma = demandStandardDeviation
        let ratio = sigma / mu
        let q =
            1.3 * Double.pow(mu, 0.494) * Double.pow(orderCost / holdingCost, 0.506)
            * Double.pow(1 + ratio * ratio, 0.116)
        let z = (q / sigma * (holdingCost / stockoutCost)).squareRoot()
        let s = 0.973 * mu + sigma * (0.183 / z + 1.063 - 2.192 * z)
        return SSSolution(reorderPoint: s, orderUpToLevel: s + q, cost: nil)
    }
}
