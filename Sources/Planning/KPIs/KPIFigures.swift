/// The KPIs of one group of item-locations (a category, a location, an ABC-XYZ class, or all)
/// over a period (``InventoryKPIs/Period``). Formulas: ``KPIFormulas``.
public struct KPIFigures: Codable, Sendable, Hashable {
    /// The group's name (`total` for all).
    public var name: String
    /// Planned item-locations in the group.
    public var itemLocations: Int
    /// Owned on-hand stock × unit cost today — the average inventory value of the formulas (the
    /// only stock level known for the whole period).
    public var inventoryValue: Double
    /// Cost of the goods issued in the period: recorded demand × unit cost.
    public var costOfGoodsIssued: Double
    /// ``costOfGoodsIssued`` scaled to a year (× 365 / days).
    public var annualUsageValue: Double
    /// Annualised turnover: annual usage value / inventory value.
    public var turns: Double?
    /// Inventory value / (COGS / days); +∞ (`"inf"`) with stock and no usage.
    public var daysOnHand: Double?
    /// Units demanded: issued + lost (estimated).
    public var demandedQuantity: Double
    /// Units issued (recorded demand).
    public var issuedQuantity: Double
    /// Units lost to stock-outs, estimated: stock-out days × the item-location's average demand
    /// per in-stock day (demand a stock-out turned away is not recorded).
    public var lostQuantity: Double
    /// Issued / demanded (estimated, since the lost units are).
    public var fillRate: Double?
    /// Stock-out days recorded (`stockouts.csv`) in the period, summed over item-locations.
    public var stockoutDays: Int
    /// Item-locations with at least one stock-out day.
    public var stockoutItemLocations: Int
    /// Stock-out days / (item-locations × days in the period).
    public var stockoutFrequency: Double?

    /// An empty group.
    init(name: String) {
        self.name = name
        itemLocations = 0
        inventoryValue = 0
        costOfGoodsIssued = 0
        annualUsageValue = 0
        demandedQuantity = 0
        issuedQuantity = 0
        lostQuantity = 0
        stockoutDays = 0
        stockoutItemLocations = 0
    }

    /// Adds one item-location's (or unplanned stock's) sums.
    mutating func add(_ other: KPIFigures) {
        itemLocations += other.itemLocations
        inventoryValue += other.inventoryValue
        costOfGoodsIssued += other.costOfGoodsIssued
        issuedQuantity += other.issuedQuantity
        lostQuantity += other.lostQuantity
        stockoutDays += other.stockoutDays
        stockoutItemLocations += other.stockoutItemLocations
    }

    /// Fills in the ratios from the sums over a period of `days` days.
    mutating func finish(days: Int) {
        demandedQuantity = issuedQuantity + lostQuantity
        annualUsageValue = days > 0 ? costOfGoodsIssued * KPIFormulas.daysPerYear / Double(days) : 0
        turns = KPIFormulas.annualisedTurnover(
            costOfGoodsIssued: costOfGoodsIssued, averageInventoryValue: inventoryValue, days: days)
        daysOnHand = KPIFormulas.daysOnHand(
            costOfGoodsIssued: costOfGoodsIssued, averageInventoryValue: inventoryValue, days: days)
        fillRate = KPIFormulas.fillRate(issued: issuedQuantity, demanded: demandedQuantity)
        stockoutFrequency = KPIFormulas.stockoutFrequency(stockoutDays: stockoutDays, days: itemLocations * days)
    }
}
