/// The lead time of an item-location whose orders go to several suppliers: a mixture of the
/// suppliers' lead-time distributions weighted by the share of orders each receives.
///
/// With weights wᵢ (Σ wᵢ = 1), mean lead times Lᵢ and standard deviations σᵢ:
///
///     L̄  = Σ wᵢ·Lᵢ
///     σ² = Σ wᵢ·(σᵢ² + Lᵢ²) − L̄²
///
/// the law of total variance, Var(L) = E[Var(L | i)] + Var(E[L | i]) (S. Ross, *A First Course in
/// Probability*, 10th ed., §7.5.4). The second term makes the mixture more variable than any one
/// supplier when their means differ: two suppliers at 10 and 20 days, half each, with no variability
/// of their own, give L̄ = 15 and σ = 5 days. The weights are the volume shares, which equal the
/// order shares when the suppliers' lot sizes are proportional to their shares (an approximation
/// otherwise, stated in docs/policies.md).
public struct LeadTimeMixture: Hashable, Sendable {
    /// L̄ in days.
    public var meanDays: Double
    /// σ in days.
    public var standardDeviationDays: Double

    /// Creates a lead time from its moments.
    public init(meanDays: Double, standardDeviationDays: Double) {
        self.meanDays = meanDays
        self.standardDeviationDays = standardDeviationDays
    }

    /// Mixes `components` (weight, mean, standard deviation); weights are normalised to sum to 1,
    /// and components with weight ≤ 0 are left out. No positive weight gives 0 days.
    public init(components: [(weight: Double, meanDays: Double, standardDeviationDays: Double)]) {
        var total = 0.0
        for c in components where c.weight > 0 { total += c.weight }
        guard total > 0 else {
            self.init(meanDays: 0, standardDeviationDays: 0)
            return
        }
        var mean = 0.0
        var second = 0.0
        for c in components where c.weight > 0 {
            let w = c.weight / total
            mean += w * c.meanDays
            second += w * (c.standardDeviationDays * c.standardDeviationDays + c.meanDays * c.meanDays)
        }
        // Σwᵢσᵢ² is the floor of the variance; the mean part can cancel, so clamp rounding below it.
        var within = 0.0
        for c in components where c.weight > 0 { within += c.weight / total * c.standardDeviationDays * c.standardDeviationDays }
        let variance = max(within, second - mean * mean)
        self.init(meanDays: mean, standardDeviationDays: variance.squareRoot())
    }
}
