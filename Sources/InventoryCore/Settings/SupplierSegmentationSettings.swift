/// Parameters of the Kraljic supplier segmentation.
///
/// Supply risk score (0…1) = `singleSourceWeight` × share of the supplier's spend on items it alone
/// supplies + `leadTimeWeight` × min(1, spend-weighted mean lead time / `longLeadTimeDays`) +
/// `variabilityWeight` × min(1, spend-weighted lead-time CV / `highLeadTimeCV`). A supplier is
/// high-risk when the score ≥ `riskThreshold`, high-spend when the suppliers ranked before it (by
/// spend) hold less than `spendShareCutoff` of total spend (Pareto, like ABC; the largest supplier
/// is always high-spend).
public struct SupplierSegmentationSettings: Hashable, Sendable {
    /// Weight of single sourcing in the risk score (default 0.4).
    public var singleSourceWeight: Double
    /// Weight of lead time (default 0.3).
    public var leadTimeWeight: Double
    /// Weight of lead-time variability (default 0.3).
    public var variabilityWeight: Double
    /// A lead time this long or longer scores 1 (default 60 days).
    public var longLeadTimeDays: Double
    /// A lead-time coefficient of variation this high or higher scores 1 (default 0.5).
    public var highLeadTimeCV: Double
    /// Score at or above which supply risk is high (default 0.5).
    public var riskThreshold: Double
    /// Cumulative spend share that counts as high spend (default 0.80).
    public var spendShareCutoff: Double

    /// The defaults.
    public init(
        singleSourceWeight: Double = 0.4, leadTimeWeight: Double = 0.3, variabilityWeight: Double = 0.3,
        longLeadTimeDays: Double = 60, highLeadTimeCV: Double = 0.5, riskThreshold: Double = 0.5,
        spendShareCutoff: Double = 0.80
    ) {
        self.singleSourceWeight = singleSourceWeight
        self.leadTimeWeight = leadTimeWeight
        self.variabilityWeight = variabilityWeight
        self.longLeadTimeDays = longLeadTimeDays
        self.highLeadTimeCV = highLeadTimeCV
        self.riskThreshold = riskThreshold
        self.spendShareCutoff = spendShareCutoff
    }
}
