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

    enum CodingKeys: String, CodingKey {
        case daysInPeriod, openingValue, unitsReceived, receiptsValue, unitsDemanded, unitsIssued, unitsUnmet, cogs
        case closingQty, closingValue, dailyClosingValue, dailyClosingQty, averageInventoryValue, averageInventoryUnits
        case inventoryTurnover, inventoryTurnoverAnnualized, daysOnHand, stockoutDays, stockoutFrequency, fillRate, revenue
        case grossMargin, gmroi
    }

    /// Writes every key; an undefined ratio (and revenue without a price) is `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(daysInPeriod, forKey: .daysInPeriod)
        try c.encode(openingValue, forKey: .openingValue)
        try c.encode(unitsReceived, forKey: .unitsReceived)
        try c.encode(receiptsValue, forKey: .receiptsValue)
        try c.encode(unitsDemanded, forKey: .unitsDemanded)
        try c.encode(unitsIssued, forKey: .unitsIssued)
        try c.encode(unitsUnmet, forKey: .unitsUnmet)
        try c.encode(cogs, forKey: .cogs)
        try c.encode(closingQty, forKey: .closingQty)
        try c.encode(closingValue, forKey: .closingValue)
        try c.encode(dailyClosingValue, forKey: .dailyClosingValue)
        try c.encode(dailyClosingQty, forKey: .dailyClosingQty)
        try c.encode(averageInventoryValue, forKey: .averageInventoryValue)
        try c.encode(averageInventoryUnits, forKey: .averageInventoryUnits)
        try c.encode(inventoryTurnover ?? .nan, forKey: .inventoryTurnover)
        try c.encode(inventoryTurnoverAnnualized ?? .nan, forKey: .inventoryTurnoverAnnualized)
        try c.encode(daysOnHand ?? .nan, forKey: .daysOnHand)
        try c.encode(stockoutDays, forKey: .stockoutDays)
        try c.encode(stockoutFrequency, forKey: .stockoutFrequency)
        try c.encode(fillRate ?? .nan, forKey: .fillRate)
        try c.encode(revenue ?? .nan, forKey: .revenue)
        try c.encode(grossMargin ?? .nan, forKey: .grossMargin)
        try c.encode(gmroi ?? .nan, forKey: .gmroi)
    }
}
