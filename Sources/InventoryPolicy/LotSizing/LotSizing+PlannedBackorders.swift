/// An EOQ with planned backorders: order quantity, fraction of each cycle spent backordered, cost.
public struct BackorderLotSizeSolution: Hashable, Sendable {
    /// Order quantity Q.
    public var orderQuantity: Double
    /// Fraction x of demand (and of each cycle) that is backordered.
    public var stockoutFraction: Double
    /// Cost per unit time.
    public var cost: Double

    /// Creates a solution.
    public init(orderQuantity: Double, stockoutFraction: Double, cost: Double) {
        self.orderQuantity = orderQuantity
        self.stockoutFraction = stockoutFraction
        self.cost = cost
    }
}

extension LotSizing {
    /// EOQ with planned backorders: Q* = √(2Kλ(h + p)/(hp)), x* = h/(h + p), g* = √(2Kλhp/(h + p)).
    ///
    /// Snyder & Shen (2019) eqs. (3.27)–(3.29). `stockoutCost` p > 0 is the backorder cost per unit per
    /// unit time.
    public static func economicOrderQuantityWithBackorders(
        orderCost: Double, holdingCost: Double, stockoutCost: Double, demandRate: Double
    ) throws(PolicyError) -> BackorderLotSizeSolution {
        try Check.nonNegative(orderCost, "order cost")
        try Check.positive(holdingCost, "holding cost")
        try Check.positive(stockoutCost, "stockout cost")
        try Check.nonNegative(demandRate, "demand rate")
        let h = holdingCost, p = stockoutCost
        let quantity = (2 * orderCost * demandRate * (h + p) / (h * p)).squareRoot()
        return BackorderLotSizeSolution(
            orderQuantity: quantity, stockoutFraction: h / (h + p), cost: quantity * (h * p) / (h + p))
    }

    /// Cost of a given (Q, x) with planned backorders: g(Q, x) = hQ(1 − x)²/2 + pQx²/2 + Kλ/Q.
    ///
    /// Snyder & Shen (2019) ch. 3, the cost function minimised by eqs. (3.27)–(3.29). For any Q the
    /// best x is h/(h + p), the default.
    public static func economicOrderQuantityWithBackordersCost(
        orderQuantity: Double, stockoutFraction: Double? = nil, orderCost: Double, holdingCost: Double,
        stockoutCost: Double, demandRate: Double
    ) throws(PolicyError) -> Double {
        try Check.positive(orderQuantity, "order quantity")
        try Check.nonNegative(orderCost, "order cost")
        try Check.positive(holdingCost, "holding cost")
        try Check.positive(stockoutCost, "stockout cost")
        try Check.nonNegative(demandRate, "demand rate")
        let x = stockoutFraction ?? holdingCost / (holdingCost + stockoutCost)
        guard x >= 0, x <= 1 else { throw Check.invalid("stockout fraction", x, "between 0 and 1") }
        let q = orderQuantity
        return holdingCost * q * (1 - x) * (1 - x) / 2 + stockoutCost * q * x * x / 2 + orderCost * demandRate / q
    }
}
