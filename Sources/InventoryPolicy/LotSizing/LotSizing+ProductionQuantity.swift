extension LotSizing {
    /// The economic production quantity: with ρ = λ/μ < 1, Q* = √(2Kλ/(h(1 − ρ))), g* = hQ*(1 − ρ).
    ///
    /// Snyder & Shen (2019) eqs. (3.31)–(3.32). `productionRate` μ > λ (units per unit time).
    public static func economicProductionQuantity(
        orderCost: Double, holdingCost: Double, demandRate: Double, productionRate: Double
    ) throws(PolicyError) -> LotSizeSolution {
        let rho = try utilisation(orderCost, holdingCost, demandRate, productionRate)
        let quantity = (2 * orderCost * demandRate / (holdingCost * (1 - rho))).squareRoot()
        return LotSizeSolution(orderQuantity: quantity, cost: quantity * holdingCost * (1 - rho))
    }

    /// The EPQ model's cost of a given Q: g(Q) = Kλ/Q + h(1 − ρ)Q/2.
    ///
    /// Snyder & Shen (2019) ch. 3, the cost function minimised by eqs. (3.31)–(3.32).
    public static func economicProductionQuantityCost(
        orderQuantity: Double, orderCost: Double, holdingCost: Double, demandRate: Double, productionRate: Double
    ) throws(PolicyError) -> Double {
        try Check.positive(orderQuantity, "order quantity")
        let rho = try utilisation(orderCost, holdingCost, demandRate, productionRate)
        return orderCost * demandRate / orderQuantity + holdingCost * (1 - rho) * orderQuantity / 2
    }

    private static func utilisation(
        _ orderCost: Double, _ holdingCost: Double, _ demandRate: Double, _ productionRate: Double
    ) throws(PolicyError) -> Double {
        try Check.nonNegative(orderCost, "order cost")
        try Check.positive(holdingCost, "holding cost")
        try Check.nonNegative(demandRate, "demand rate")
        try Check.positive(productionRate, "production rate")
        guard demandRate < productionRate else {
            throw PolicyError(
                code: .infeasible,
                message: "demand rate (\(demandRate)) must be below the production rate (\(productionRate))")
        }
        return demandRate / productionRate
    }
}
