/// The inventory KPI formulas, each written once (definitions of the reference file
/// `inventory_kpis.json`; Silver, Pyke & Thomas, *Inventory and Production Management in Supply
/// Chains*, 4th ed. 2017, §2.7; Axsäter, *Inventory Control*, 3rd ed. 2015, §1.2):
///
/// - inventory turnover over a period = COGS / average inventory value — 0 when COGS is 0,
///   undefined (`nil`) when the inventory value is 0; annualised: × 365 / days in the period;
/// - days on hand = average inventory value / (COGS / days) — +∞ when COGS is 0 and there is
///   stock, undefined without stock;
/// - fill rate (type 2 service, Silver et al. §7.1) = units issued from stock / units demanded —
///   undefined without demand;
/// - stock-out frequency = stock-out days / days in the period;
/// - GMROI = gross margin / average inventory value over the period (not annualised; Levy & Weitz,
///   *Retailing Management*, 10th ed. 2019, ch. 12) — undefined when the inventory value is 0;
/// - cycle service level (type 1 service, Silver et al. §7.1) = replenishment cycles without a
///   stock-out / cycles — undefined without a complete cycle;
/// - demand lost to stock-outs, estimated where only what was issued is recorded: stock-out days ×
///   the issues per in-stock day.
public enum KPIFormulas {
    /// Days in a year, for annualising.
    public static let daysPerYear = 365.0

    /// COGS / average inventory value over the period (not annualised).
    public static func turnover(costOfGoodsIssued cogs: Double, averageInventoryValue value: Double) -> Double? {
        guard value != 0 else { return nil }
        return cogs == 0 ? 0 : cogs / value
    }

    /// The period's turnover × 365 / days.
    public static func annualisedTurnover(costOfGoodsIssued cogs: Double, averageInventoryValue value: Double, days: Int)
        -> Double?
    {
        guard days > 0 else { return nil }
        return turnover(costOfGoodsIssued: cogs, averageInventoryValue: value).map { $0 * daysPerYear / Double(days) }
    }

    /// Average inventory value / (COGS / days).
    public static func daysOnHand(costOfGoodsIssued cogs: Double, averageInventoryValue value: Double, days: Int) -> Double? {
        guard value != 0, days > 0 else { return nil }
        return cogs == 0 ? .infinity : value / (cogs / Double(days))
    }

    /// Units issued / units demanded.
    public static func fillRate(issued: Double, demanded: Double) -> Double? {
        demanded > 0 ? issued / demanded : nil
    }

    /// Stock-out days / days observed.
    public static func stockoutFrequency(stockoutDays: Int, days: Int) -> Double? {
        days > 0 ? Double(stockoutDays) / Double(days) : nil
    }

    /// Gross margin / average inventory value.
    public static func gmroi(grossMargin: Double, averageInventoryValue value: Double) -> Double? {
        value != 0 ? grossMargin / value : nil
    }

    /// Cycles without a stock-out / complete cycles.
    public static func cycleServiceLevel(cyclesWithoutStockout: Int, cycles: Int) -> Double? {
        cycles > 0 ? Double(cyclesWithoutStockout) / Double(cycles) : nil
    }

    /// Units lost to stock-outs, estimated: stock-out days × issued / in-stock days (at least one
    /// in-stock day), over a period of `days` days.
    public static func lostDemandEstimate(issued: Double, stockoutDays: Int, days: Int) -> Double {
        Double(stockoutDays) * issued / Double(max(1, days - stockoutDays))
    }

    /// The gross margin of goods that cost `cogs` sold at a gross-margin rate m (margin ÷ revenue):
    /// revenue = COGS / (1 − m), margin = revenue − COGS = COGS · m / (1 − m).
    public static func grossMargin(costOfGoodsIssued cogs: Double, marginRate m: Double) -> Double? {
        m < 1 ? cogs * m / (1 - m) : nil
    }
}
