import InventoryCore

/// Periodic-review (s, S) policies: at each review, if the inventory position is ≤ s, order up to S.
///
/// Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed. (2019), ch. 4, as implemented by
/// stockpyl 1.0.2 (`stockpyl.ss`): zero lead time, holding cost h and stockout (backorder) cost p per
/// unit per period, fixed cost K per order, i.i.d. integer demand per period; costs per period.
public enum SSPolicy {}

/// Integer per-period demand for the exact (s, S) algorithms.
public enum DiscreteDemand: Hashable, Sendable {
    /// Poisson demand with the given mean per period.
    case poisson(mean: Double)
    /// Demand d with probability `pmf[d]`, d = 0, 1, …, pmf.count − 1.
    case custom(pmf: [Double])
}

/// An (s, S) pair and its expected cost per period.
public struct SSSolution<Level: Hashable & Sendable>: Hashable, Sendable {
    /// Reorder point s: order when the inventory position is ≤ s.
    public var reorderPoint: Level
    /// Order-up-to level S.
    public var orderUpToLevel: Level
    /// Expected cost per period (nil where a method gives none, e.g. the power approximation).
    public var cost: Double?

    /// Creates a solution.
    public init(reorderPoint: Level, orderUpToLevel: Level, cost: Double?) {
        self.reorderPoint = reorderPoint
        self.orderUpToLevel = orderUpToLevel
        self.cost = cost
    }
}

/// Cost evaluation for (s, S) under discrete demand, with the renewal quantities cached.
///
/// m(0) = 1/(1 − f(0)), m(j) = m(0)·Σ_{l=1}^{j} f(l)·m(j − l), M(j) = Σ_{i<j} m(i), and
/// g(s, S) = (K + Σ_{d=0}^{S−s−1} m(d)·g(S − d))/M(S − s) (Snyder & Shen 2019 eqs. 4.71–4.75; Zheng &
/// Federgruen 1991). m and M depend only on the demand, so they are computed once and extended as
/// needed; g(y) = h·n̄(y) + p·n(y) is cached per y.
struct SSCostModel {
    let h: Double
    let p: Double
    let k: Double
    let demand: DiscreteDemand
    private let poisson: PoissonDistribution?
    private var probabilities: [Double] = []
    private var renewal: [Double] = []  // m
    private var cumulative: [Double] = [0]  // M
    private var newsvendorCosts: [Int: Double] = [:]

    init(_ h: Double, _ p: Double, _ k: Double, _ demand: DiscreteDemand) throws(PolicyError) {
        try Check.positive(h, "holding cost")
        try Check.positive(p, "stockout cost")
        try Check.positive(k, "order cost")
        self.h = h
        self.p = p
        self.k = k
        self.demand = demand
        switch demand {
        case .poisson(let mean):
            try Check.positive(mean, "demand mean")
            do { poisson = try PoissonDistribution(mean: mean) } catch {
                throw PolicyError(code: .invalidInput, message: error.message)
            }
        case .custom(let pmf):
            poisson = nil
            guard !pmf.isEmpty else { throw PolicyError(code: .invalidInput, message: "the demand pmf is empty") }
            var total = 0.0
            for (d, f) in pmf.enumerated() {
                guard f.isFinite, f >= 0 else { throw Check.invalid("probability of demand \(d)", f, "≥ 0") }
                total += f
            }
            guard abs(total - 1) <= 1e-9 else {
                throw PolicyError(code: .invalidInput, message: "the demand pmf must sum to 1, sums to \(total)")
            }
            guard pmf[0] < 1 else {
                throw PolicyError(code: .infeasible, message: "demand is always 0: no (s, S) policy is needed")
            }
        }
    }

    func pmf(_ d: Int) -> Double {
        if let poisson { return poisson.pmf(d) }
        if case .custom(let pmf) = demand, d >= 0, d < pmf.count { return pmf[d] }
        return 0
    }

    /// Expected shortfall n(y) and excess n̄(y) of one period's demand.
    private func losses(_ y: Int) -> (loss: Double, complementary: Double) {
        if let poisson { return (poisson.loss(y), poisson.complementaryLoss(y)) }
        guard case .custom(let pmf) = demand else { return (0, 0) }
        var loss = 0.0, complementary = 0.0
        for (d, f) in pmf.enumerated() where f > 0 {
            if d > y { loss += Double(d - y) * f } else if d < y { complementary += Double(y - d) * f }
        }
        if y < 0 { complementary = 0 }
        return (loss, complementary)
    }

    /// The newsvendor cost g(y) = h·n̄(y) + p·n(y).
    mutating func g(_ y: Int) -> Double {
        if let cached = newsvendorCosts[y] { return cached }
        let l = losses(y)
        let value = h * l.complementary + p * l.loss
        newsvendorCosts[y] = value
        return value
    }

    private mutating func extendRenewal(to count: Int) {
        while probabilities.count < count { probabilities.append(pmf(probabilities.count)) }
        while renewal.count < count {
            let j = renewal.count
            if j == 0 {
                renewal.append(1 / (1 - probabilities[0]))
            } else {
                var sum = 0.0
                for l in 1...j { sum += probabilities[l] * renewal[j - l] }
                renewal.append(renewal[0] * sum)
            }
            cumulative.append(cumulative[cumulative.count - 1] + renewal[renewal.count - 1])
        }
    }

    /// g(s, S); +∞ when S ≤ s.
    mutating func cost(_ s: Int, _ S: Int) -> Double {
        let width = S - s
        guard width > 0 else { return .infinity }
        extendRenewal(to: width)
        var total = k
        for d in 0..<width { total += renewal[d] * g(S - d) }
        return total / cumulative[width]
    }

    /// The newsvendor level: the smallest y with F(y) ≥ p/(h + p) (for a custom pmf, by running sums as
    /// stockpyl's `newsvendor_discrete` does).
    func newsvendorLevel() -> Int {
        let alpha = p / (h + p)
        if let poisson { return poisson.quantile(alpha) }
        guard case .custom(let pmf) = demand else { return 0 }
        var cumulative = 0.0
        var index = 0
        while cumulative < alpha, index < pmf.count {
            cumulative += pmf[index]
            index += 1
        }
        return max(index - 1, 0)
    }
}
