/// The `kpis` section of `settings.yaml`: the targets the KPI history is measured against
/// (`procura kpis --by month`, docs/kpis.md), and the gross-margin rate behind GMROI.
///
/// Keys (all optional): `target_turnover` (annualised turns, > 0; default 4),
/// `target_days_on_hand` (> 0; default 90), `target_fill_rate` (0 < r ≤ 1; default 0.95),
/// `target_cycle_service_level` (0 < r ≤ 1; default 0.95), `target_stockout_frequency` (share of
/// item-location days, 0 ≤ r ≤ 1; default 0.02), `gross_margin_rate` (gross margin ÷ revenue,
/// 0 ≤ r < 1; default none: materials carry no selling price, so GMROI is left out unless the
/// rate is given).
public struct KPISettings: Hashable, Sendable {
    /// Annualised inventory turnover to reach or beat.
    public var targetTurnover: Double
    /// Days on hand to stay at or below.
    public var targetDaysOnHand: Double
    /// Fill rate to reach or beat.
    public var targetFillRate: Double
    /// Cycle service level to reach or beat.
    public var targetCycleServiceLevel: Double
    /// Stock-out frequency (stock-out days ÷ item-location days) to stay at or below.
    public var targetStockoutFrequency: Double
    /// Gross margin as a share of revenue, m: revenue = COGS ÷ (1 − m); `nil`: no GMROI.
    public var grossMarginRate: Double?

    /// The defaults.
    public init(
        targetTurnover: Double = 4, targetDaysOnHand: Double = 90, targetFillRate: Double = 0.95,
        targetCycleServiceLevel: Double = 0.95, targetStockoutFrequency: Double = 0.02, grossMarginRate: Double? = nil
    ) {
        self.targetTurnover = targetTurnover
        self.targetDaysOnHand = targetDaysOnHand
        self.targetFillRate = targetFillRate
        self.targetCycleServiceLevel = targetCycleServiceLevel
        self.targetStockoutFrequency = targetStockoutFrequency
        self.grossMarginRate = grossMarginRate
    }
}
