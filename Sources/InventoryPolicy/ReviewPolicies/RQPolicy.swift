import InventoryCore

/// Continuous-review (r, Q) policies: when the inventory position falls to r, order Q.
///
/// Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), ch. 5, as implemented by
/// stockpyl 1.0.2 (`stockpyl.rq`). Inputs: holding cost h and stockout (backorder) cost p per unit
/// per unit time, fixed order cost K, demand mean λ and standard deviation τ per unit time, lead time L
/// in the same time unit. Lead-time demand is N(λL, τ²L) (normal models) or Poisson(λL). Costs are
/// per unit time; g(y) = h·n̄(y) + p·n(y) is the newsvendor cost of lead-time demand.
public enum RQPolicy {}

/// A reorder point r, an order quantity Q and a cost per unit time.
public struct RQSolution<Value: Hashable & Sendable>: Hashable, Sendable {
    /// Reorder point r.
    public var reorderPoint: Value
    /// Order quantity Q.
    public var orderQuantity: Value
    /// Cost per unit time (what each function documents: exact or the approximation's own).
    public var cost: Double

    /// Creates a solution.
    public init(reorderPoint: Value, orderQuantity: Value, cost: Double) {
        self.reorderPoint = reorderPoint
        self.orderQuantity = orderQuantity
        self.cost = cost
    }
}

/// The inputs every normal-demand (r, Q) function shares, checked once.
struct RQNormalInputs {
    let h: Double
    let p: Double
    let k: Double
    let lambda: Double
    /// Lead-time demand N(λL, τ²L).
    let leadTimeDemand: NormalDistribution

    init(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double
    ) throws(PolicyError) {
        try Check.positive(holdingCost, "holding cost")
        try Check.positive(stockoutCost, "stockout cost")
        try Check.positive(orderCost, "order cost")
        try Check.nonNegative(demandMean, "demand mean")
        try Check.nonNegative(demandStandardDeviation, "demand standard deviation")
        try Check.nonNegative(leadTime, "lead time")
        h = holdingCost
        p = stockoutCost
        k = orderCost
        lambda = demandMean
        do {
            leadTimeDemand = try NormalDistribution(
                mean: demandMean * leadTime, standardDeviation: demandStandardDeviation * leadTime.squareRoot())
        } catch {
            throw PolicyError(code: .invalidInput, message: error.message)
        }
    }

    /// Newsvendor cost of lead-time demand g(y) = h·n̄(y) + p·n(y).
    func g(_ y: Double) -> Double {
        h * leadTimeDemand.complementaryLoss(y) + p * leadTimeDemand.loss(y)
    }

    /// g′(y) = (h + p)·F(y) − p.
    func slope(_ y: Double) -> Double {
        (h + p) * leadTimeDemand.cdf(y) - p
    }

    /// ∫_a^b g(y) dy = h[(b − μ)² − (a − μ)²]/2 + (h + p)[n⁽²⁾(a) − n⁽²⁾(b)], using n̄ = y − μ + n
    /// and d n⁽²⁾/dy = −n.
    func integral(from a: Double, to b: Double) -> Double {
        let mu = leadTimeDemand.mean
        let linear = 0.5 * h * ((b - mu) * (b - mu) - (a - mu) * (a - mu))
        return linear + (h + p) * (leadTimeDemand.secondLoss(a) - leadTimeDemand.secondLoss(b))
    }

    /// The newsvendor level S* = F⁻¹(p/(h + p)), where g is smallest.
    var newsvendorLevel: Double { leadTimeDemand.quantile(p / (h + p)) }

    /// The y on the given side of S* with g(y) = level (level ≥ g(S*)): Newton on the convex g with
    /// a bracket, which converges monotonically.
    func levelCrossing(_ level: Double, left: Bool) -> Double {
        let star = newsvendorLevel
        let mu = leadTimeDemand.mean
        // g(y) ≥ p(μ − y) and g(y) ≥ h(y − μ) bound the crossing.
        var near = star
        var far = left ? min(star, mu - level / p) : max(star, mu + level / h)
        var y = far
        for _ in 0..<200 {
            let value = g(y) - level
            if value > 0 { far = y } else { near = y }
            let derivative = slope(y)
            var next = derivative != 0 ? y - value / derivative : .nan
            let low = min(near, far), high = max(near, far)
            if !(next >= low && next <= high) { next = 0.5 * (near + far) }
            if abs(next - y) <= 1e-15 * max(1, abs(y)) || near == far { return next }
            y = next
        }
        return y
    }
}
