/// A joint-replenishment plan: a base cycle time and an integer multiple of it per product.
public struct JointReplenishmentPlan: Hashable, Sendable {
    /// Order quantity per product, T·mₙ·λₙ.
    public var orderQuantities: [Double]
    /// Base cycle time T.
    public var baseCycleTime: Double
    /// Order multiple mₙ per product (product n is ordered every mₙ·T).
    public var orderMultiples: [Int]
    /// Cost per unit time.
    public var cost: Double

    /// Creates a plan.
    public init(orderQuantities: [Double], baseCycleTime: Double, orderMultiples: [Int], cost: Double) {
        self.orderQuantities = orderQuantities
        self.baseCycleTime = baseCycleTime
        self.orderMultiples = orderMultiples
        self.cost = cost
    }
}

extension LotSizing {
    /// Silver's heuristic for the joint replenishment problem (a shared fixed cost K₀ per order plus
    /// Kₙ for each product included).
    ///
    /// The product n* with the smallest Kₙ/(hₙλₙ) is ordered every cycle; every other product every
    /// mₙ = round(√(Kₙ/(hₙλₙ) · h_{n*}λ_{n*}/(K₀ + K_{n*}))) ≥ 1 cycles (ties round to even, as
    /// Python's `round`); T = √(2(K₀ + Σ Kₙ/mₙ)/Σ hₙmₙλₙ), Qₙ = T·mₙ·λₙ, and the cost is
    /// (K₀ + Σ Kₙ/mₙ)/T + (T/2)·Σ hₙmₙλₙ. E. A. Silver, "A simple method of determining order
    /// quantities in joint replenishments under deterministic demand", Management Science 22(12):
    /// 1351–1361 (1976), doi:10.1287/mnsc.22.12.1351; stockpyl's `joint_replenishment_problem_silver_heuristic`.
    public static func jointReplenishmentSilver(
        sharedOrderCost: Double, orderCosts: [Double], holdingCosts: [Double], demandRates: [Double]
    ) throws(PolicyError) -> JointReplenishmentPlan {
        try Check.nonNegative(sharedOrderCost, "shared order cost")
        let count = orderCosts.count
        guard count > 0, holdingCosts.count == count, demandRates.count == count else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "order costs, holding costs and demand rates need one value per product (got \(orderCosts.count), \(holdingCosts.count), \(demandRates.count))"
            )
        }
        for n in 0..<count {
            try Check.nonNegative(orderCosts[n], "order cost")
            try Check.positive(holdingCosts[n], "holding cost")
            try Check.positive(demandRates[n], "demand rate")
        }
        let ratio = (0..<count).map { orderCosts[$0] / (holdingCosts[$0] * demandRates[$0]) }
        var first = 0
        for n in 1..<count where ratio[n] < ratio[first] { first = n }
        let constant = holdingCosts[first] * demandRates[first] / (sharedOrderCost + orderCosts[first])
        var multiples = Array(repeating: 1, count: count)
        for n in 0..<count where n != first {
            let m = (ratio[n] * constant).squareRoot().rounded(.toNearestOrEven)
            multiples[n] = max(1, m.isFinite ? Int(m) : 1)
        }
        var fixed = sharedOrderCost
        var holding = 0.0
        for n in 0..<count {
            fixed += orderCosts[n] / Double(multiples[n])
            holding += holdingCosts[n] * Double(multiples[n]) * demandRates[n]
        }
        let cycle = (2 * fixed / holding).squareRoot()
        return JointReplenishmentPlan(
            orderQuantities: (0..<count).map { cycle * Double(multiples[$0]) * demandRates[$0] },
            baseCycleTime: cycle, orderMultiples: multiples, cost: fixed / cycle + cycle / 2 * holding)
    }
}
