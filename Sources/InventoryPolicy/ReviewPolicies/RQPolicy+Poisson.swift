import InventoryCore

extension RQPolicy {
    /// Exact expected cost per unit time of an integer (r, Q) under Poisson demand.
    ///
    /// g(r, Q) = (Kλ + Σ_{y=r+1}^{r+Q} g(y))/Q with g the newsvendor cost of Poisson(λL) lead-time
    /// demand. Snyder & Shen (2019) eq. (5.48); stockpyl's `r_q_cost_poisson`.
    public static func poissonCost(
        reorderPoint: Int, orderQuantity: Int, holdingCost: Double, stockoutCost: Double, orderCost: Double,
        demandMean: Double, leadTime: Double
    ) throws(PolicyError) -> Double {
        guard orderQuantity > 0, orderQuantity <= 100_000_000 else {
            throw Check.invalid("order quantity", Double(orderQuantity), "an integer from 1 to 100 000 000")
        }
        guard abs(reorderPoint) <= 1 << 52 else {
            throw Check.invalid("reorder point", Double(reorderPoint), "at most 2^52 in magnitude")
        }
        let model = try PoissonRQModel(holdingCost, stockoutCost, orderCost, demandMean, leadTime)
        var sum = 0.0
        for y in (reorderPoint + 1)...(reorderPoint + orderQuantity) { sum += model.g(y) }
        return (model.fixed + sum) / Double(orderQuantity)
    }

    /// The exactly optimal integer (r, Q) under Poisson demand, and its cost.
    ///
    /// Federgruen & Zheng (1992), "An efficient algorithm for computing an optimal (r, Q) policy in
    /// continuous review stochastic inventory systems", Operations Research 40(4):808–813,
    /// doi:10.1287/opre.40.4.808; Snyder & Shen (2019) ch. 5. Start with Q = 1 and r = S* − 1 (S* the
    /// newsvendor level); to go from Q to Q + 1 add to the window {r+1, …, r+Q} whichever neighbour,
    /// r or r + Q + 1, has the smaller g; stop when the average cost rises. Same steps as stockpyl's
    /// `r_q_poisson_exact` (whose reference values it reproduces), with running sums instead of
    /// recomputing each window.
    public static func exactPoisson(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double, leadTime: Double
    ) throws(PolicyError) -> RQSolution<Int> {
        let model = try PoissonRQModel(holdingCost, stockoutCost, orderCost, demandMean, leadTime)
        let alpha = stockoutCost / (stockoutCost + holdingCost)
        var level = 0
        while model.demand.cdf(level) < alpha { level += 1 }
        var q = 1
        var r = level - 1
        var sum = model.g(r + 1)
        var cost = (model.fixed + sum) / Double(q)
        for _ in 0..<10_000_000 {
            let previousCost = cost
            let previousR = r
            let low = model.g(r), high = model.g(r + q + 1)
            if low < high {
                r -= 1
                sum += low
            } else {
                sum += high
            }
            cost = (model.fixed + sum) / Double(q + 1)
            if cost > previousCost {
                return RQSolution(reorderPoint: previousR, orderQuantity: q, cost: previousCost)
            }
            q += 1
        }
        throw PolicyError(code: .infeasible, message: "the Poisson (r, Q) search did not converge")
    }
}

/// Poisson (r, Q) inputs: g(y) = h·n̄(y) + p·n(y) for Poisson(λL) lead-time demand, and Kλ.
struct PoissonRQModel {
    let h: Double
    let p: Double
    let fixed: Double
    let demand: PoissonDistribution

    init(_ h: Double, _ p: Double, _ k: Double, _ lambda: Double, _ leadTime: Double) throws(PolicyError) {
        try Check.positive(h, "holding cost")
        try Check.positive(p, "stockout cost")
        try Check.positive(k, "order cost")
        try Check.nonNegative(lambda, "demand mean")
        try Check.nonNegative(leadTime, "lead time")
        self.h = h
        self.p = p
        self.fixed = k * lambda
        do {
            demand = try PoissonDistribution(mean: lambda * leadTime)
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
    }

    func g(_ y: Int) -> Double {
        h * demand.complementaryLoss(y) + p * demand.loss(y)
    }
}
