import InventoryCore

extension RQPolicy {
    /// Exact expected cost per unit time of a given (r, Q) under normal lead-time demand.
    ///
    /// g(r, Q) = (Kλ + ∫_r^{r+Q} g(y) dy)/Q, Snyder & Shen (2019) eq. (5.7), with the integral in
    /// closed form through the second-order loss function: ∫_r^{r+Q} g = h[(r + Q − μ)² − (r − μ)²]/2
    /// + (h + p)[n⁽²⁾(r) − n⁽²⁾(r + Q)] (eq. C.33). stockpyl's `r_q_cost` integrates numerically.
    public static func normalCost(
        reorderPoint: Double, orderQuantity: Double, holdingCost: Double, stockoutCost: Double, orderCost: Double,
        demandMean: Double, demandStandardDeviation: Double, leadTime: Double
    ) throws(PolicyError) -> Double {
        try Check.finite(reorderPoint, "reorder point")
        try Check.positive(orderQuantity, "order quantity")
        let inputs = try RQNormalInputs(
            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost, demandMean: demandMean,
            demandStandardDeviation: demandStandardDeviation, leadTime: leadTime)
        return cost(reorderPoint, orderQuantity, inputs)
    }

    static func cost(_ r: Double, _ q: Double, _ inputs: RQNormalInputs) -> Double {
        (inputs.k * inputs.lambda + inputs.integral(from: r, to: r + q)) / q
    }

    /// The reorder point that is optimal for a given Q: the r with g(r) = g(r + Q).
    ///
    /// Snyder & Shen (2019) eq. (5.9). g is convex with its minimum at the newsvendor level S*, so the
    /// root lies in [S* − Q, S*], where g(r) − g(r + Q) is strictly decreasing; solved by Newton's method
    /// with bisection safeguard to machine precision (stockpyl's `r_q_optimal_r_for_q` bisects to
    /// |g(r) − g(r + Q)| ≤ 1e-6).
    public static func optimalReorderPoint(
        orderQuantity: Double, holdingCost: Double, stockoutCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double
    ) throws(PolicyError) -> Double {
        try Check.positive(orderQuantity, "order quantity")
        let inputs = try RQNormalInputs(
            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: 1, demandMean: demandMean,
            demandStandardDeviation: demandStandardDeviation, leadTime: leadTime)
        return optimalReorderPoint(orderQuantity, inputs)
    }

    static func optimalReorderPoint(_ q: Double, _ inputs: RQNormalInputs) -> Double {
        let star = inputs.newsvendorLevel
        var low = star - q  // difference ≥ 0 here
        var high = star  // difference ≤ 0 here
        var r = 0.5 * (low + high)
        for _ in 0..<200 {
            let difference = inputs.g(r) - inputs.g(r + q)
            if difference > 0 { low = r } else if difference < 0 { high = r } else { return r }
            let derivative = inputs.slope(r) - inputs.slope(r + q)
            var next = derivative < 0 ? r - difference / derivative : .nan
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - r) <= 1e-15 * max(1, abs(r)) || high - low <= 1e-15 * max(1, abs(r)) { return next }
            r = next
        }
        return r
    }

    /// The exactly optimal (r, Q) under normal lead-time demand, and its cost.
    ///
    /// At the optimum g(r) = g(r + Q) = g(r, Q) = c* (Snyder & Shen 2019 ch. 5, following Zheng 1992,
    /// doi:10.1287/opre.40.1.S56, and Federgruen & Zheng 1992). Equivalently c* solves
    /// H(c) = ∫_{g(y) ≤ c} (c − g(y)) dy = Kλ, where H is increasing and convex (H′(c) = Q(c), the
    /// width of the level set); Newton's method from an upper bound converges monotonically. Then
    /// r = the left end of the level set {g ≤ c*}, Q = its width, and the cost is c*.
    public static func exactNormal(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double
    ) throws(PolicyError) -> RQSolution<Double> {
        let inputs = try RQNormalInputs(
            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost, demandMean: demandMean,
            demandStandardDeviation: demandStandardDeviation, leadTime: leadTime)
        try Check.positive(demandMean, "demand mean")
        let target = inputs.k * inputs.lambda
        let bottom = inputs.g(inputs.newsvendorLevel)
        // g ≤ g(S*) + max(h, p)·|y − S*| gives H(c) ≥ (c − g*)²(1/h + 1/p)/2.
        var c = bottom + (2 * target / (1 / inputs.h + 1 / inputs.p)).squareRoot()
        var low = bottom
        var a = 0.0, b = 0.0
        for _ in 0..<200 {
            a = inputs.levelCrossing(c, left: true)
            b = inputs.levelCrossing(c, left: false)
            let width = b - a
            let excess = c * width - inputs.integral(from: a, to: b) - target
            if excess < 0 { low = max(low, c) }
            var next = width > 0 ? c - excess / width : .nan
            if !(next >= low && next <= c) { next = 0.5 * (low + c) }
            if abs(next - c) <= 1e-15 * c { break }
            c = next
        }
        return RQSolution(reorderPoint: a, orderQuantity: b - a, cost: cost(a, b - a, inputs))
    }
}
