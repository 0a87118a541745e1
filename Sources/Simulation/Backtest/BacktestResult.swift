/// A back-test: the totals and one ``BacktestDay`` per day.
public struct BacktestResult: Codable, Sendable, Hashable {
    /// The measures over the whole history.
    public var totals: BacktestTotals
    /// Day by day.
    public var trace: [BacktestDay]
}

/// The measures of a back-test (definitions of `policy_backtest.json`).
public struct BacktestTotals: Codable, Sendable, Hashable {
    /// T.
    public var days: Int
    /// Σ demand.
    public var totalDemand = 0
    /// Units served from stock on the day demanded (backorders filled later do not count).
    public var unitsServed = 0
    /// total demand − units served.
    public var unitsShort = 0
    /// Days with a shortfall.
    public var stockoutDays = 0
    /// Days ending with nothing on hand (information; not the stock-out count).
    public var zeroOnHandDays = 0
    /// units served / total demand; NaN (JSON `null`) without demand.
    public var fillRate = Double.nan
    /// Cycles delimited by receipt days, the trailing incomplete one excluded.
    public var replenishmentCycles = 0
    /// Cycles without a day of shortfall.
    public var cyclesWithoutStockout = 0
    /// cycles without stock-out / cycles; NaN (JSON `null`) without a cycle.
    public var cycleServiceLevel = Double.nan
    /// Mean on hand at the end of the day.
    public var averageOnHand = 0.0
    /// Mean backorders at the end of the day.
    public var averageBackorders = 0.0
    /// Orders placed (quantity > 0).
    public var numberOfOrders = 0
    /// Σ ordered.
    public var totalOrdered = 0
    /// Σ received within the history.
    public var totalReceived = 0
    /// On hand at the end.
    public var endingOnHand = 0
    /// Backorders at the end.
    public var endingBackorders = 0
    /// Ordered, not yet received, at the end.
    public var endingOnOrder = 0
    /// on hand − backorders + on order at the end.
    public var endingInventoryPosition = 0
    /// Σ on hand at the end of each day (unit-days; × days⁻¹ = the average).
    public internal(set) var onHandSum = 0
    /// Σ backorders at the end of each day (unit-days).
    public internal(set) var backorderSum = 0
    /// Days ending with more on hand than the policy's maximum (``ReplenishmentPolicy/maximumLevel``;
    /// the back-test's "above the maximum" days — not part of the calculator's JSON).
    public internal(set) var daysAboveMaximum = 0

    enum CodingKeys: String, CodingKey {
        case days, totalDemand, unitsServed, unitsShort, stockoutDays, zeroOnHandDays, fillRate, replenishmentCycles
        case cyclesWithoutStockout, cycleServiceLevel, averageOnHand, averageBackorders, numberOfOrders, totalOrdered
        case totalReceived, endingOnHand, endingBackorders, endingOnOrder, endingInventoryPosition
    }

    init(days: Int) { self.days = days }

    /// The ratios from the counts.
    func finished() -> BacktestTotals {
        var done = self
        done.fillRate = totalDemand > 0 ? Double(unitsServed) / Double(totalDemand) : .nan
        done.cycleServiceLevel =
            replenishmentCycles > 0 ? Double(cyclesWithoutStockout) / Double(replenishmentCycles) : .nan
        done.averageOnHand = days > 0 ? Double(onHandSum) / Double(days) : .nan
        done.averageBackorders = days > 0 ? Double(backorderSum) / Double(days) : .nan
        return done
    }
}

/// One day of a back-test (keys of `policy_backtest.json`'s trace). `ip_at_review` is the
/// inventory position before the day's order, `inventory_position_end` after it; the order's lead
/// time and arrival day are `null` when none is placed.
public struct BacktestDay: Codable, Sendable, Hashable {
    public var day: Int
    public var demand: Int
    public var received: Int
    public var backordersFilled: Int
    public var served: Int
    public var short: Int
    public var onHandEnd: Int
    public var backordersEnd: Int
    public var ipAtReview: Int
    public var orderQty: Int
    public var orderLeadTime: Int?
    public var orderArrivalDay: Int?
    public var onOrderEnd: Int
    public var inventoryPositionEnd: Int

    enum CodingKeys: String, CodingKey {
        case day, demand, received, backordersFilled, served, short, onHandEnd, backordersEnd, ipAtReview, orderQty
        case orderLeadTime, orderArrivalDay, onOrderEnd, inventoryPositionEnd
    }

    /// Writes every key, `null` for an absent order's lead time and arrival day.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(day, forKey: .day)
        try c.encode(demand, forKey: .demand)
        try c.encode(received, forKey: .received)
        try c.encode(backordersFilled, forKey: .backordersFilled)
        try c.encode(served, forKey: .served)
        try c.encode(short, forKey: .short)
        try c.encode(onHandEnd, forKey: .onHandEnd)
        try c.encode(backordersEnd, forKey: .backordersEnd)
        try c.encode(ipAtReview, forKey: .ipAtReview)
        try c.encode(orderQty, forKey: .orderQty)
        if let orderLeadTime {
            try c.encode(orderLeadTime, forKey: .orderLeadTime)
        } else {
            try c.encodeNil(forKey: .orderLeadTime)
        }
        if let orderArrivalDay {
            try c.encode(orderArrivalDay, forKey: .orderArrivalDay)
        } else {
            try c.encodeNil(forKey: .orderArrivalDay)
        }
        try c.encode(onOrderEnd, forKey: .onOrderEnd)
        try c.encode(inventoryPositionEnd, forKey: .inventoryPositionEnd)
    }
}
