/// The `risk` section of `settings.yaml`: the disruption the single-source and long-lead exposure
/// is sized against (docs/risk.md).
///
/// Keys (all optional): `recovery_days` (1 … 730; default 56 — a supplier delivers nothing for eight
/// weeks, the shipped "loss of the largest single-source supplier" crisis), `qualification_days`
/// (1 … 730; default 120 — the time to qualify a second source for an item that has one supplier),
/// `long_lead_days` (1 … 730; default 60 — a lead time from which an item-location with several
/// sources is listed too), `second_source_cost_per_year` (≥ 0; default 5,000 in the data's currency —
/// qualifying and keeping a second source, per year; a buffer whose holding cost is higher
/// recommends the second source instead).
public struct RiskSettings: Hashable, Sendable {
    /// Days the failing supplier delivers nothing.
    public var recoveryDays: Int
    /// Days to qualify a second source.
    public var qualificationDays: Int
    /// Lead time (days) from which an item-location with several sources is exposed too.
    public var longLeadDays: Int
    /// The yearly cost of a second source.
    public var secondSourceCostPerYear: Double

    /// The defaults.
    public init(
        recoveryDays: Int = 56, qualificationDays: Int = 120, longLeadDays: Int = 60, secondSourceCostPerYear: Double = 5000
    ) {
        self.recoveryDays = recoveryDays
        self.qualificationDays = qualificationDays
        self.longLeadDays = longLeadDays
        self.secondSourceCostPerYear = secondSourceCostPerYear
    }
}
