/// What ``PolicySimulation/run(_:)`` finds: the totals of every row and their sums.
public struct PolicySimulationResult: Sendable {
    /// Per row, in the input's order (the measures of ``BacktestTotals``).
    public var rows: [BacktestTotals]
    /// Σ over rows and days of on hand at the end of the day (× a holding cost per unit-day = the holding cost).
    public var onHandUnitDays: Int
    /// Σ over rows and days of backorders at the end of the day (× a shortage cost per unit-day).
    public var backorderUnitDays: Int
    /// Σ demand.
    public var totalDemand: Int
    /// Σ units served from stock on the day demanded.
    public var unitsServed: Int
    /// Σ orders placed.
    public var numberOfOrders: Int
    /// Σ stock-out days.
    public var stockoutDays: Int

    /// units served / demand over all rows; NaN without demand.
    public var fillRate: Double { totalDemand > 0 ? Double(unitsServed) / Double(totalDemand) : .nan }

    /// h·Σ on hand + p·Σ backorders, per unit-day.
    public func cost(holdingPerUnitDay h: Double, backorderPerUnitDay p: Double) -> Double {
        h * Double(onHandUnitDays) + p * Double(backorderUnitDays)
    }
}
