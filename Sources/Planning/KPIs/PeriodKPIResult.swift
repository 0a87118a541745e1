/// What ``PeriodKPIs/compute(_:)`` finds (JSON keys in snake case; `null` for an undefined ratio,
/// `"inf"` for days on hand without issues).
public struct PeriodKPIResult: Codable, Sendable, Hashable {
    /// (end − start) + 1.
    public var daysInPeriod: Int
    /// opening_qty × opening_unit_cost.
    public var openingValue: Double
    /// Σ receipt quantities.
    public var unitsReceived: Double
    /// Σ receipt quantity × unit cost.
    public var receiptsValue: Double
    /// Σ demand quantities.
    public var unitsDemanded: Double
    /// Σ min(demand, on hand): units served.
    public var unitsIssued: Double
    /// demanded − issued (lost).
    public var unitsUnmet: Double
    /// The cost of the units issued (FIFO layers or the moving average).
    public var cogs: Double
    /// On hand after the last day.
    public var closingQty: Double
    /// Its value.
    public var closingValue: Double
    /// The value on hand after each day, first day first.
    public var dailyClosingValue: [Double]
    /// The quantity on hand after each day.
    public var dailyClosingQty: [Double]
    /// The mean of the daily closing values (the opening value is not one of them).
    public var averageInventoryValue: Double
    /// The mean of the daily closing quantities.
    public var averageInventoryUnits: Double
    /// COGS / average inventory value over the period (not annualised).
    public var inventoryTurnover: Double?
    /// The turnover × 365 / days.
    public var inventoryTurnoverAnnualized: Double?
    /// Average inventory value / (COGS / days).
    public var daysOnHand: Double?
    /// Days on which some demand was unmet.
    public var stockoutDays: Int
    /// stockout_days / days.
    public var stockoutFrequency: Double
    /// units_issued / units_demanded.
    public var fillRate: Double?
    /// units_issued × unit_price.
    public var revenue: Double?
    /// revenue − COGS.
    public var grossMargin: Double?
    /// gross margin / average inventory value (not annualised).
    public var gmroi: Double?
}
