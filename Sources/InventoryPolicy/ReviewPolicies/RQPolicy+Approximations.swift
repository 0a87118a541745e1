import InventoryCore

extension RQPolicy {
    /// The expected-inventory-level (EIL) approximation, Snyder & Shen (2019) Algorithm 5.1.
    ///
    /// Starting from Q = EOQ and r = 0, iterate r = F⁻¹(1 − Qh/(pλ)) (eq. 5.17) and
    /// Q = √(2λ(K + p·n(r))/h) (eq. 5.18) until both change by at most `tolerance`; the cost is the
    /// approximation's own, g(r, Q) = h(r − λL + Q/2) + Kλ/Q + pλ·n(r)/Q (eq. 5.16). Same iteration
    /// and stopping rule as stockpyl's `r_q_eil_approximation`. Throws ``PolicyError/Code/infeasible``
    /// when Qh ≥ pλ (the approximation has no reorder point).
    public static func eilApproximation(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double, tolerance: Double = 1e-6
    ) throws(PolicyError) -> RQSolution<Double> {
        let inputs = try RQNormalInputs(
            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost, demandMean: demandMean,
            demandStandardDeviation: demandStandardDeviation, leadTime: leadTime)
        let demand = inputs.leadTimeDemand
        var q = try LotSizing.economicOrderQuantity(
            orderCost: orderCost, holdingCost: holdingCost, demandRate: demandMean
        ).orderQuantity
        var r = 0.0
        var previousQ = Double.infinity, previousR = Double.infinity
        var iterations = 0
        while abs(q - previousQ) > tolerance || abs(r - previousR) > tolerance {
            iterations += 1
            guard iterations <= 100_000 else {
                throw PolicyError(code: .infeasible, message: "the EIL approximation did not converge")
            }
            previousQ = q
            previousR = r
            let level = 1 - q * inputs.h / (inputs.p * inputs.lambda)
            guard level > 0 else {
                throw PolicyError(
                    code: .infeasible,
                    message:
                        "the EIL approximation needs Q·h < p·λ, got Q·h = \(q * inputs.h) and p·λ = \(inputs.p * inputs.lambda); use another method"
                )
            }
            r = demand.quantile(level)
            q = (2 * inputs.lambda * (inputs.k + inputs.p * demand.loss(r)) / inputs.h).squareRoot()
        }
        let cost =
            inputs.h * (r - demand.mean + q / 2) + inputs.k * inputs.lambda / q
            + inputs.p * inputs.lambda * demand.loss(r) / q
        return RQSolution(reorderPoint: r, orderQuantity: q, cost: cost)
    }

    /// The EOQB approximation: Q from the EOQ with planned backorders (eq. 3.27), r optimal for that Q
    /// (eq. 5.9). Snyder & Shen (2019) ch. 5; Zheng (1992). The cost is the exact g(r, Q) (eq. 5.7).
    public static func eoqbApproximation(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double
    ) throws(PolicyError) -> RQSolution<Double> {
        let inputs = try RQNormalInputs(
            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost, demandMean: demandMean,
            demandStandardDeviation: demandStandardDeviation, leadTime: leadTime)
        try Check.positive(demandMean, "demand mean")
        let q = try LotSizing.economicOrderQuantityWithBackorders(
            orderCost: orderCost, holdingCost: holdingCost, stockoutCost: stockoutCost, demandRate: demandMean
        ).orderQuantity
        let r = optimalReorderPoint(q, inputs)
        return RQSolution(reorderPoint: r, orderQuantity: q, cost: cost(r, q, inputs))
    }

    /// The EOQ + safety stock approximation: Q = EOQ (eq. 3.4), r = the newsvendor level of lead-time
    /// demand, λL + Φ⁻¹(p/(h + p))·τ√L (eq. 5.21). The cost is the exact g(r, Q) (eq. 5.7).
    public static func eoqssApproximation(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double
    ) throws(PolicyError) -> RQSolution<Double> {
        let inputs = try RQNormalInputs(
            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost, demandMean: demandMean,
            demandStandardDeviation: demandStandardDeviation, leadTime: leadTime)
        try Check.positive(demandMean, "demand mean")
        let q = try LotSizing.economicOrderQuantity(
            orderCost: orderCost, holdingCost: holdingCost, demandRate: demandMean
        ).orderQuantity
        let r = inputs.newsvendorLevel
        return RQSolution(reorderPoint: r, orderQuantity: q, cost: cost(r, q, inputs))
    }

    /// The loss-function approximation (Hadley & Whitin 1963), Snyder & Shen (2019) ch. 5.
    ///
    /// Starting from Q = EOQ and r = 0, iterate n(r) = hQ/(h + p) (eq. 5.29, solved exactly through
    /// the inverse standard normal loss) and Q = √(2[Kλ + (h + p)·n⁽²⁾(r)]/h) (eq. 5.28) until both
    /// change by at most `tolerance` — stockpyl's `r_q_loss_function_approximation`. The cost is the
    /// exact g(r, Q) (eq. 5.7).
    public static func lossFunctionApproximation(
        holdingCost: Double, stockoutCost: Double, orderCost: Double, demandMean: Double,
        demandStandardDeviation: Double, leadTime: Double, tolerance: Double = 1e-6
    ) throws(PolicyError) -> RQSolution<Double> {
        let inputs = try RQNormalInputs(
            holdingCost: holdingCost, stockoutCost: stockoutCost, orderCost: orderCost, demandMean: demandMean,
            demandStandardDeviation: demandStandardDeviation, leadTime: leadTime)
        try Check.positive(demandMean, "demand mean")
        let demand = inputs.leadTimeDemand
        var q = try LotSizing.economicOrderQuantity(
            orderCost: orderCost, holdingCost: holdingCost, demandRate: demandMean
        ).orderQuantity
        var r = 0.0
        var previousQ = Double.infinity, previousR = Double.infinity
        var iterations = 0
        while abs(q - previousQ) > tolerance || abs(r - previousR) > tolerance {
            iterations += 1
            guard iterations <= 100_000 else {
                throw PolicyError(code: .infeasible, message: "the loss-function approximation did not converge")
            }
            previousQ = q
            previousR = r
            let shortfall = inputs.h * q / (inputs.h + inputs.p)
            if demand.standardDeviation > 0 {
                r = demand.mean + demand.standardDeviation * StandardNormal.inverseLoss(shortfall / demand.standardDeviation)
            } else {
                r = demand.mean - shortfall
            }
            q = (2 * (inputs.k * inputs.lambda + (inputs.h + inputs.p) * demand.secondLoss(r)) / inputs.h).squareRoot()
        }
        return RQSolution(reorderPoint: r, orderQuantity: q, cost: cost(r, q, inputs))
    }
}
