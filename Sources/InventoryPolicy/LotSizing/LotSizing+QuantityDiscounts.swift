/// An order quantity chosen under quantity discounts: the quantity, its price region, its cost.
public struct QuantityDiscountSolution: Hashable, Sendable {
    /// Order quantity Q.
    public var orderQuantity: Double
    /// The price region j (0-based) Q falls in: b_j ≤ Q < b_{j+1}.
    public var region: Int
    /// Cost per unit time, including the purchase cost.
    public var cost: Double

    /// Creates a solution.
    public init(orderQuantity: Double, region: Int, cost: Double) {
        self.orderQuantity = orderQuantity
        self.region = region
        self.cost = cost
    }
}

/// The price schedule of a quantity discount: breakpoints b₀ = 0 < b₁ < … and unit costs c_j
/// charged from b_j on.
public struct PriceSchedule: Hashable, Sendable {
    /// Breakpoints, strictly increasing, starting at 0.
    public let breakpoints: [Double]
    /// Unit cost per region, each > 0.
    public let unitCosts: [Double]

    /// Validates the schedule.
    public init(breakpoints: [Double], unitCosts: [Double]) throws(PolicyError) {
        guard breakpoints.first == 0 else {
            throw PolicyError(code: .invalidInput, message: "breakpoints must start with 0, got \(breakpoints)")
        }
        for index in breakpoints.indices.dropFirst() where !(breakpoints[index] > breakpoints[index - 1]) {
            throw PolicyError(
                code: .invalidInput, message: "breakpoints must be strictly increasing, got \(breakpoints)")
        }
        guard breakpoints.allSatisfy(\.isFinite) else {
            throw PolicyError(code: .invalidInput, message: "breakpoints must be finite, got \(breakpoints)")
        }
        guard unitCosts.count == breakpoints.count else {
            throw PolicyError(
                code: .invalidInput,
                message: "need one unit cost per breakpoint: \(breakpoints.count) breakpoints, \(unitCosts.count) unit costs")
        }
        for cost in unitCosts where !(cost.isFinite && cost > 0) {
            throw PolicyError(code: .invalidInput, message: "unit costs must be > 0, got \(unitCosts)")
        }
        self.breakpoints = breakpoints
        self.unitCosts = unitCosts
    }

    /// The region j with b_j ≤ Q < b_{j+1}.
    public func region(of quantity: Double) -> Int {
        breakpoints.lastIndex { $0 <= quantity } ?? 0
    }

    /// Whether Q lies in region j.
    func contains(_ quantity: Double, region j: Int) -> Bool {
        quantity >= breakpoints[j] && (j == breakpoints.count - 1 || quantity < breakpoints[j + 1])
    }

    /// c̄_j = Σ_{i<j} c_i(b_{i+1} − b_i) − c_j·b_j: the fixed part of the incremental purchase cost
    /// c̄_j + c_j·Q in region j (Snyder & Shen 2019 ch. 3, incremental discounts; stockpyl's `c_bar`).
    func incrementalFixedPart(_ j: Int) -> Double {
        if j == 0 { return 0 }
        var sum = 0.0
        for i in 0..<j { sum += unitCosts[i] * (breakpoints[i + 1] - breakpoints[i]) }
        return sum - unitCosts[j] * breakpoints[j]
    }
}

extension LotSizing {
    /// EOQ under all-units quantity discounts: every unit costs c_j when b_j ≤ Q < b_{j+1}.
    ///
    /// g_j(Q) = c_jλ + Kλ/Q + i·c_j·Q/2. Candidates are each region's EOQ √(2Kλ/(i·c_j)) when it
    /// falls in its region, and every breakpoint b_j (j ≥ 1) priced at c_j; the cheapest wins (the
    /// first on a tie). Snyder & Shen (2019) eqs. (3.18)–(3.19); stockpyl's
    /// `economic_order_quantity_with_all_units_discounts`. `holdingCostRate` i > 0 per unit time.
    public static func allUnitsDiscount(
        orderCost: Double, holdingCostRate: Double, demandRate: Double, schedule: PriceSchedule
    ) throws(PolicyError) -> QuantityDiscountSolution {
        try checkDiscountInputs(orderCost, holdingCostRate, demandRate)
        var candidates: [QuantityDiscountSolution] = []
        for j in schedule.unitCosts.indices {
            let q = (2 * orderCost * demandRate / (holdingCostRate * schedule.unitCosts[j])).squareRoot()
            if q > 0, schedule.contains(q, region: j) {
                candidates.append(
                    .init(orderQuantity: q, region: j, cost: allUnitsCost(q, j, orderCost, holdingCostRate, demandRate, schedule))
                )
            }
        }
        for j in schedule.breakpoints.indices.dropFirst() {
            let q = schedule.breakpoints[j]
            candidates.append(
                .init(orderQuantity: q, region: j, cost: allUnitsCost(q, j, orderCost, holdingCostRate, demandRate, schedule)))
        }
        return try cheapest(candidates)
    }

    /// Cost per unit time of a given Q under all-units discounts, g_j(Q) with j the region of Q.
    public static func allUnitsDiscountCost(
        orderQuantity: Double, orderCost: Double, holdingCostRate: Double, demandRate: Double,
        schedule: PriceSchedule
    ) throws(PolicyError) -> QuantityDiscountSolution {
        try Check.positive(orderQuantity, "order quantity")
        try checkDiscountInputs(orderCost, holdingCostRate, demandRate)
        let j = schedule.region(of: orderQuantity)
        return .init(
            orderQuantity: orderQuantity, region: j,
            cost: allUnitsCost(orderQuantity, j, orderCost, holdingCostRate, demandRate, schedule))
    }

    /// EOQ under incremental quantity discounts: units in [b_j, b_{j+1}) cost c_j each.
    ///
    /// With c̄_j the fixed part of the purchase cost in region j,
    /// g_j(Q) = c_jλ + i·c̄_j/2 + (K + c̄_j)λ/Q + i·c_j·Q/2 and Q_j = √(2(K + c̄_j)λ/(i·c_j)); the
    /// cheapest Q_j that falls in its own region wins. Snyder & Shen (2019) eqs. (3.20)–(3.22);
    /// stockpyl's `economic_order_quantity_with_incremental_discounts`.
    public static func incrementalDiscount(
        orderCost: Double, holdingCostRate: Double, demandRate: Double, schedule: PriceSchedule
    ) throws(PolicyError) -> QuantityDiscountSolution {
        try checkDiscountInputs(orderCost, holdingCostRate, demandRate)
        var candidates: [QuantityDiscountSolution] = []
        for j in schedule.unitCosts.indices {
            let fixed = schedule.incrementalFixedPart(j)
            let q = (2 * (orderCost + fixed) * demandRate / (holdingCostRate * schedule.unitCosts[j])).squareRoot()
            if q > 0, schedule.contains(q, region: j) {
                candidates.append(
                    .init(
                        orderQuantity: q, region: j, cost: incrementalCost(q, j, orderCost, holdingCostRate, demandRate, schedule)
                    ))
            }
        }
        return try cheapest(candidates)
    }

    /// Cost per unit time of a given Q under incremental discounts, g_j(Q) with j the region of Q.
    public static func incrementalDiscountCost(
        orderQuantity: Double, orderCost: Double, holdingCostRate: Double, demandRate: Double,
        schedule: PriceSchedule
    ) throws(PolicyError) -> QuantityDiscountSolution {
        try Check.positive(orderQuantity, "order quantity")
        try checkDiscountInputs(orderCost, holdingCostRate, demandRate)
        let j = schedule.region(of: orderQuantity)
        return .init(
            orderQuantity: orderQuantity, region: j,
            cost: incrementalCost(orderQuantity, j, orderCost, holdingCostRate, demandRate, schedule))
    }

    private static func allUnitsCost(
        _ q: Double, _ j: Int, _ k: Double, _ i: Double, _ lambda: Double, _ schedule: PriceSchedule
    ) -> Double {
        let c = schedule.unitCosts[j]
        return c * lambda + k * lambda / q + i * c * q / 2
    }

    private static func incrementalCost(
        _ q: Double, _ j: Int, _ k: Double, _ i: Double, _ lambda: Double, _ schedule: PriceSchedule
    ) -> Double {
        let c = schedule.unitCosts[j]
        let fixed = schedule.incrementalFixedPart(j)
        return c * lambda + i * fixed / 2 + (k + fixed) * lambda / q + i * c * q / 2
    }

    private static func checkDiscountInputs(_ k: Double, _ i: Double, _ lambda: Double) throws(PolicyError) {
        try Check.nonNegative(k, "order cost")
        try Check.positive(i, "holding cost rate")
        try Check.nonNegative(lambda, "demand rate")
    }

    private static func cheapest(_ candidates: [QuantityDiscountSolution]) throws(PolicyError) -> QuantityDiscountSolution {
        var best: QuantityDiscountSolution?
        for candidate in candidates {
            if let current = best, candidate.cost >= current.cost { continue }
            best = candidate
        }
        guard let best else {
            throw PolicyError(code: .infeasible, message: "no order quantity is feasible for this price schedule")
        }
        return best
    }
}
