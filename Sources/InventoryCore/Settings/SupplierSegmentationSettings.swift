/// Parameters of the Kraljic supplier segmentation.
///
/// Supply risk score (0…1) = `singleSourceWeight` × share of the supplier's spend on items it alone
/// supplies + `leadTimeWeight` × min(1, spend-weighted mean lead time / `longLeadTimeDays`) +
/// `variabilityWeight` × min(1, spend-weighted lead-time CV / `highLeadTimeCV`). A supplier is
/// high-risk when the score ≥ `riskThreshold`, high-spend when the suppliers ranked before it (by
/// spend) hold less than `spendShareCutoff` of total spend (Pareto, like ABC; the largest supplier
/// is always high-spend).
///
/// The **performance component** adds what the supplier's deliveries and commitments showed
/// (`SupplierSegmentation.Performance`): `otifWeight` × (1 − OTIF) + `leadTimeDeviationWeight` ×
/// min(1, max(0, observed − catalog lead time) / catalog / `highLeadTimeDeviation`) +
/// `returnWeight` × min(1, return share / `highReturnShare`) + `responsivenessWeight` × (1 −
/// responsiveness); a figure without data adds nothing. The four weights default to 0, so the
/// segmentation is the catalog's until they are set; the base weights plus the performance weights
/// bound the score (1 + their sum at most).
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
    /// Weight of poor on-time-in-full, 1 − OTIF (default 0).
    public var otifWeight: Double = 0
    /// Weight of deliveries later than the catalog lead time (default 0).
    public var leadTimeDeviationWeight: Double = 0
    /// A mean observed lead time this share above the catalog's or more scores 1 (default 0.5).
    public var highLeadTimeDeviation: Double = 0.5
    /// Weight of quality returns (default 0).
    public var returnWeight: Double = 0
    /// A return share this high or higher scores 1 (default 0.05).
    public var highReturnShare: Double = 0.05
    /// Weight of low responsiveness to forecast changes, 1 − responsiveness (default 0).
    public var responsivenessWeight: Double = 0

    /// Whether any performance weight is set (> 0).
    public var usesPerformance: Bool {
        otifWeight > 0 || leadTimeDeviationWeight > 0 || returnWeight > 0 || responsivenessWeight > 0
    }

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
