/// A Wagner–Whitin plan: what to order in each period and the cost-to-go.
public struct WagnerWhitinPlan: Hashable, Sendable {
    /// Order quantity per period (0-based periods).
    public var orderQuantities: [Double]
    /// Total cost of the plan, θ(0).
    public var cost: Double
    /// θ(t): the optimal cost of periods t, t + 1, …, T − 1; θ(T) = 0 (T + 1 entries).
    public var costToGo: [Double]
    /// For each period t, the period of the next order if one is placed in t (T means "none").
    public var nextOrderPeriods: [Int]

    /// Creates a plan.
    public init(orderQuantities: [Double], cost: Double, costToGo: [Double], nextOrderPeriods: [Int]) {
        self.orderQuantities = orderQuantities
        self.cost = cost
        self.costToGo = costToGo
        self.nextOrderPeriods = nextOrderPeriods
    }
}

extension LotSizing {
    /// Wagner–Whitin dynamic lot sizing for deterministic, time-varying demand.
    ///
    /// θ(t) = min_{s > t} [K_t·1{Σ_{i=t}^{s−1} d_i > 0} + Σ_{i=t}^{s−1} (c_t + h_t·(i − t))·d_i + θ(s)],
    /// θ(T) = 0: an order in period t covers periods t … s − 1 (the zero-inventory-ordering property).
    /// H. M. Wagner & T. M. Whitin, Management Science 5(1):89–96 (1958), doi:10.1287/mnsc.5.1.89;
    /// Snyder & Shen (2019) ch. 3; stockpyl's `wagner_whitin` (0-based here, 1-based there). Per-period
    /// holding cost `holdingCosts[t]` is charged per unit per period held, from the ordering period.
    /// Arrays of length 1 apply to every period.
    public static func wagnerWhitin(
        demand: [Double], holdingCosts: [Double], orderCosts: [Double], purchaseCosts: [Double] = [0]
    ) throws(PolicyError) -> WagnerWhitinPlan {
        let periods = demand.count
        guard periods > 0 else { throw PolicyError(code: .invalidInput, message: "demand has no periods") }
        func expand(_ values: [Double], _ name: String) throws(PolicyError) -> [Double] {
            for value in values { try Check.nonNegative(value, name) }
            if values.count == 1 { return Array(repeating: values[0], count: periods) }
            guard values.count == periods else {
                throw PolicyError(
                    code: .invalidInput, message: "\(name) needs 1 or \(periods) values, got \(values.count)")
            }
            return values
        }
        let d = try expand(demand, "demand")
        let h = try expand(holdingCosts, "holding cost")
        let k = try expand(orderCosts, "order cost")
        let c = try expand(purchaseCosts, "purchase cost")
        var theta = Array(repeating: 0.0, count: periods + 1)
        var next = Array(repeating: periods, count: periods)
        for t in stride(from: periods - 1, through: 0, by: -1) {
            var best = Double.infinity
            var bestNext = periods
            var covered = 0.0
            var variable = 0.0
            for s in (t + 1)...periods {
                let i = s - 1
                covered += d[i]
                variable += c[t] * d[i] + h[t] * Double(i - t) * d[i]
                let cost = (covered > 0 ? k[t] : 0) + variable + theta[s]
                if cost < best {
                    best = cost
                    bestNext = s
                }
            }
            theta[t] = best
            next[t] = bestNext
        }
        var quantities = Array(repeating: 0.0, count: periods)
        var t = 0
        while t < periods {
            quantities[t] = d[t..<next[t]].reduce(0, +)
            t = next[t]
        }
        return WagnerWhitinPlan(orderQuantities: quantities, cost: theta[0], costToGo: theta, nextOrderPeriods: next)
    }
}
