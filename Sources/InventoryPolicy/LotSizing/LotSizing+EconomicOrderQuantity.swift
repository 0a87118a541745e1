extension LotSizing {
    /// The economic order quantity Q* = √(2Kλ/h) and its cost g(Q*) = √(2Kλh) = hQ*.
    ///
    /// Snyder & Shen (2019) eqs. (3.4)–(3.5) (Harris 1913). `orderCost` K ≥ 0, `holdingCost` h > 0,
    /// `demandRate` λ ≥ 0, in consistent time units; the cost excludes the purchase cost λc.
    public static func economicOrderQuantity(
        orderCost: Double, holdingCost: Double, demandRate: Double
    ) throws(PolicyError) -> LotSizeSolution {
        try Check.nonNegative(orderCost, "order cost")
        try Check.positive(holdingCost, "holding cost")
        try Check.nonNegative(demandRate, "demand rate")
        let quantity = (2 * orderCost * demandRate / holdingCost).squareRoot()
        return LotSizeSolution(orderQuantity: quantity, cost: quantity * holdingCost)
    }

    /// The EOQ model's cost of a given order quantity, g(Q) = Kλ/Q + hQ/2.
    ///
    /// Snyder & Shen (2019) ch. 3, the cost function minimised by eq. (3.4). `orderQuantity` Q > 0.
    public static func economicOrderQuantityCost(
        orderQuantity: Double, orderCost: Double, holdingCost: Double, demandRate: Double
    ) throws(PolicyError) -> Double {
        try Check.positive(orderQuantity, "order quantity")
        try Check.nonNegative(orderCost, "order cost")
        try Check.positive(holdingCost, "holding cost")
        try Check.nonNegative(demandRate, "demand rate")
        return orderCost * demandRate / orderQuantity + holdingCost * orderQuantity / 2
    }
}
