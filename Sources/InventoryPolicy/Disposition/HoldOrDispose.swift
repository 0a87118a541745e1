import InventoryCore
import RealModule

/// Hold or dispose of a slow-moving, high-cost spare: the net present value of keeping N units for
/// H years against selling them now.
///
/// Needs over y years are Poisson(λy). A held unit serves a need while stock lasts; needs beyond
/// the stock are bought in an emergency under both options, so they cancel. With
/// M(μ) = E[min(X, N)] = Σ_{k=0}^{N−1} P(X > k) for X ~ Poisson(μ):
///
/// - units served in year y: M(λy) − M(λ(y−1)); on hand at the start of year y: N − M(λ(y−1));
///   remaining at the horizon: N − M(λH);
/// - avoided emergency cost E·served_y; holding h·B·on_hand_start_y (h excludes the cost of
///   capital, which is the discount rate r; B is the book value per unit, sunk, used only here);
/// - discount factors (1 + r)^−y at year end, or (1 + r)^−(y − ½) mid-year; salvage s_H per
///   remaining unit at the horizon, always discounted (1 + r)^−H;
/// - NPV(hold) = Σ_y (avoided_y − holding_y)·d_y + s_H·remaining_H·(1 + r)^−H; NPV(dispose) = N·s₀
///   (at t = 0); hold when NPV(hold) − NPV(dispose) > 0, a tie disposes.
///
/// The break-even demand rate λ* ≥ 0 solves NPV(hold) − NPV(dispose) = 0 with everything else
/// fixed (0 when holding pays even without demand; NaN, JSON `null`, when no rate below 10⁶
/// reaches it). The difference is non-decreasing in λ when E ≥ s_H; otherwise λ* is the root in
/// the first bracket found by doubling λ from 1. The sensitivity repeats the comparison at other
/// discount rates.
///
/// Sources: the Poisson expected shortfall — Snyder & Shen (2019) eq. (C.41); discounting —
/// R. A. Brealey, S. C. Myers & F. Allen, *Principles of Corporate Finance*, 13th ed. (2020), ch. 2;
/// holding spares at the end of life against disposing of them — R. H. Teunter & L. Fortuin,
/// "End-of-life service", *Int. J. Production Economics* 59:487–497 (1999). The root is found by
/// bisection to 1e−13 relative.
///
/// The disposition analysis calls ``analyse(_:)`` per case of a spare.
public enum HoldOrDispose {
    /// The whole analysis: the NPVs by year, the decision, the break-even demand rate and the
    /// sensitivity to the discount rate.
    public static func analyse(_ input: HoldOrDisposeInput) throws(PolicyError) -> HoldOrDisposeResult {
        try validate(input)
        var result = evaluate(input)
        try checkRepresentable(result)
        result.breakEvenDemandRate = breakEvenDemandRate(input)
        let rates = try sensitivityRates(input)
        result.discountRateSensitivity = rates.map { rate in
            var shifted = input
            shifted.discountRate = rate
            let value = evaluate(shifted)
            return HoldOrDisposeResult.SensitivityPoint(
                discountRate: rate, npvHold: value.npvHold, npvDifferenceHoldMinusDispose: value.npvDifferenceHoldMinusDispose,
                decision: value.decision)
        }
        for (k, point) in result.discountRateSensitivity.enumerated() {
            try Check.representable(point.npvHold, "discount_rate_sensitivity[\(k)].npv_hold", "NPV(hold) at its rate")
        }
        return result
    }

    /// Inputs of extreme magnitude (a book value near 1e308, say) can overflow a figure to ±∞ or
    /// NaN; such a result is refused naming the figure, never printed as "inf". Checked at the
    /// given inputs (the sensitivity points' NPVs are checked as they are computed).
    static func checkRepresentable(_ result: HoldOrDisposeResult) throws(PolicyError) {
        let series: [(String, String, [Double])] = [
            ("avoided_emergency_cost_by_year", "E·served_y", result.avoidedEmergencyCostByYear),
            ("holding_cost_by_year", "h·B·on_hand_start_y", result.holdingCostByYear),
            ("net_cash_flow_by_year", "avoided_y − holding_y", result.netCashFlowByYear),
        ]
        for (name, formula, values) in series {
            for (y, value) in values.enumerated() { try Check.representable(value, "\(name)[\(y)]", formula) }
        }
        let figures: [(String, String, Double)] = [
            ("salvage_at_horizon", "s_H·remaining_H", result.salvageAtHorizon),
            ("pv_avoided_emergency_cost", "Σ_y avoided_y·d_y", result.pvAvoidedEmergencyCost),
            ("pv_holding_cost", "Σ_y holding_y·d_y", result.pvHoldingCost),
            ("npv_hold", "Σ_y net_y·d_y + s_H·remaining_H·(1 + r)^−H", result.npvHold),
            ("npv_dispose", "N·s₀", result.npvDispose),
            ("npv_difference_hold_minus_dispose", "NPV(hold) − NPV(dispose)", result.npvDifferenceHoldMinusDispose),
            ("book_value_total", "N·B", result.bookValueTotal),
            ("write_off_if_disposed", "N·(B − s₀)", result.writeOffIfDisposed),
        ]
        for (name, formula, value) in figures { try Check.representable(value, name, formula) }
    }

    /// The NPVs and the decision at the given inputs (no break-even, no sensitivity).
    static func evaluate(_ input: HoldOrDisposeInput) -> HoldOrDisposeResult {
        let n = input.unitsOnHand
        let lambda = input.demandRatePerYear
        let r = input.discountRate
        let h = input.horizonYears
        var served: [Double] = []
        var onHandStart: [Double] = []
        var avoided: [Double] = []
        var holding: [Double] = []
        var net: [Double] = []
        var factors: [Double] = []
        var pvAvoided = 0.0
        var pvHolding = 0.0
        var previous = 0.0
        for y in 1...h {
            let cumulative = expectedUnitsServed(units: n, mean: lambda * Double(y))
            let start = Double(n) - previous
            let servedY = cumulative - previous
            let avoidedY = input.emergencyCostPerUnit * servedY
            let holdingY = input.holdingCostRate * input.unitBookValue * start
            let exponent = input.timing == .end ? Double(y) : Double(y) - 0.5
            let factor = Double.pow(1 + r, -exponent)
            served.append(servedY)
            onHandStart.append(start)
            avoided.append(avoidedY)
            holding.append(holdingY)
            net.append(avoidedY - holdingY)
            factors.append(factor)
            pvAvoided += avoidedY * factor
            pvHolding += holdingY * factor
            previous = cumulative
        }
        let remaining = Double(n) - previous
        let salvage = input.salvageEndPerUnit * remaining
        let pvSalvage = salvage * Double.pow(1 + r, -Double(h))
        let npvHold = zip(net, factors).reduce(0) { $0 + $1.0 * $1.1 } + pvSalvage
        let npvDispose = Double(n) * input.salvageNowPerUnit
        let difference = npvHold - npvDispose
        return HoldOrDisposeResult(
            expectedUnitsServedByYear: served, expectedOnHandStartByYear: onHandStart,
            expectedUnitsRemainingAtHorizon: remaining, avoidedEmergencyCostByYear: avoided, holdingCostByYear: holding,
            netCashFlowByYear: net, discountFactorByYear: factors, salvageAtHorizon: salvage,
            pvAvoidedEmergencyCost: pvAvoided, pvHoldingCost: pvHolding, pvSalvageAtHorizon: pvSalvage, npvHold: npvHold,
            npvDispose: npvDispose, npvDifferenceHoldMinusDispose: difference,
            decision: difference > 0 ? .hold : .dispose, bookValueTotal: Double(n) * input.unitBookValue,
            writeOffIfDisposed: Double(n) * (input.unitBookValue - input.salvageNowPerUnit), breakEvenDemandRate: .nan,
            discountRateSensitivity: [])
    }

    /// M(μ) = E[min(X, N)] = Σ_{k=0}^{N−1} P(X > k), X ~ Poisson(μ); M(0) = 0.
    ///
    /// In O(1) by the loss functions, each in the form without cancellation: M = μ − n(N) when
    /// μ < N (the expected shortfall n(N) = E[(X − N)⁺] is small), M = N − n̄(N) otherwise (the
    /// expected leftover n̄(N) = E[(N − X)⁺] is small); min(X, N) = X − (X − N)⁺ = N − (N − X)⁺.
    static func expectedUnitsServed(units: Int, mean: Double) -> Double {
        guard mean > 0, units > 0 else { return 0 }
        let poisson: PoissonDistribution
        do {
            poisson = try PoissonDistribution(mean: mean)
        } catch {
            // λ and H are validated (finite, ≥ 0) before any evaluation, so λy is a valid mean.
            preconditionFailure("validated Poisson mean \(mean): \(error)")
        }
        return mean < Double(units) ? mean - poisson.loss(units) : Double(units) - poisson.complementaryLoss(units)
    }

    /// λ* with NPV(hold) − NPV(dispose) = 0 (see the type's documentation).
    static func breakEvenDemandRate(_ input: HoldOrDisposeInput) -> Double {
        func difference(_ lambda: Double) -> Double {
            var shifted = input
            shifted.demandRatePerYear = lambda
            return evaluate(shifted).npvDifferenceHoldMinusDispose
        }
        if difference(0) >= 0 { return 0 }
        var low = 0.0
        var high = 1.0
        while difference(high) < 0 {
            low = high
            high *= 2
            if high > 1e6 { return .nan }
        }
        for _ in 0..<200 {
            let middle = 0.5 * (low + high)
            if middle <= low || middle >= high || (high - low) <= 1e-13 * high { break }
            if difference(middle) < 0 { low = middle } else { high = middle }
        }
        return 0.5 * (low + high)
    }

    private static func sensitivityRates(_ input: HoldOrDisposeInput) throws(PolicyError) -> [Double] {
        if let rates = input.sensitivityDiscountRates {
            for (i, rate) in rates.enumerated() { try Check.nonNegative(rate, "sensitivity_discount_rates[\(i)]") }
            return rates
        }
        let r = input.discountRate
        return [r - 0.04, r - 0.02, r, r + 0.02, r + 0.04].filter { $0 >= 0 }
    }

    private static func validate(_ input: HoldOrDisposeInput) throws(PolicyError) {
        guard input.unitsOnHand >= 0 else {
            throw Check.invalid("units_on_hand", Double(input.unitsOnHand), "a whole number ≥ 0")
        }
        guard input.unitsOnHand <= 1_000_000 else {
            throw Check.invalid("units_on_hand", Double(input.unitsOnHand), "at most 1,000,000 (a spare, not a bulk stock)")
        }
        try Check.nonNegative(input.unitBookValue, "unit_book_value")
        try Check.nonNegative(input.salvageNowPerUnit, "salvage_now_per_unit")
        try Check.nonNegative(input.salvageEndPerUnit, "salvage_end_per_unit")
        try Check.nonNegative(input.holdingCostRate, "holding_cost_rate")
        try Check.nonNegative(input.discountRate, "discount_rate")
        try Check.nonNegative(input.demandRatePerYear, "demand_rate_per_year")
        guard input.demandRatePerYear <= 1e6 else {
            throw Check.invalid("demand_rate_per_year", input.demandRatePerYear, "at most 1,000,000 a year")
        }
        try Check.nonNegative(input.emergencyCostPerUnit, "emergency_cost_per_unit")
        guard (1...100).contains(input.horizonYears) else {
            throw Check.invalid("horizon_years", Double(input.horizonYears), "a whole number of years from 1 to 100")
        }
    }
}
