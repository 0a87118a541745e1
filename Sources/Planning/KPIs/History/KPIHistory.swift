/// Inventory KPIs month by month — `procura kpis --by month`, `GET /api/v1/kpis/history` and the
/// KPI trends page, computed once by ``run(snapshot:configuration:progress:)``: per period and per
/// group (the total, and by item, category, location, ABC-XYZ class or primary supplier) COGS, the
/// average inventory value, turnover, days on hand, fill rate, cycle service level, stock-outs,
/// excess and obsolete value, forecast accuracy and GMROI, each period's change against the one
/// before, the trend (slope) over the window, and whether the targets of the `kpis` settings are
/// met. The definitions are those of `inventory_kpis.json` (``KPIFormulas``); docs/kpis.md says how
/// each figure is fed from the data.
public struct KPIHistory: Codable, Sendable, Hashable {
    /// Ways to group the history.
    public enum Grouping: String, Sendable, CaseIterable, Codable {
        /// Per item (all its locations).
        case item
        /// The item's category.
        case category
        /// The location.
        case location
        /// The ABC-XYZ class of today's classification.
        case abcClass = "class"
        /// The item-location's primary supplier (largest share in sourcing.csv).
        case supplier
    }

    /// A calendar month of whole buckets: the buckets whose first day lies in the month.
    public struct Period: Codable, Sendable, Hashable {
        /// `YYYY-MM`.
        public var month: String
        /// First day of its first bucket (ISO).
        public var firstDay: String
        /// Last day of its last bucket (ISO).
        public var lastDay: String
        /// Days, both ends included.
        public var days: Int
        /// Buckets.
        public var buckets: Int
        /// Days with an end-of-day stock figure (the days the average inventory value is the mean over).
        public var stockDays: Int
    }

    /// Five KPIs that have a direction — a change, a slope.
    public struct Measures: Codable, Sendable, Hashable {
        /// Annualised turnover.
        public var inventoryTurnoverAnnualized: Double?
        /// Days on hand.
        public var daysOnHand: Double?
        /// Fill rate.
        public var fillRate: Double?
        /// Cycle service level.
        public var cycleServiceLevel: Double?
        /// Stock-out frequency.
        public var stockoutFrequency: Double?

        /// Writes every key (`null` where undefined).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(inventoryTurnoverAnnualized ?? .nan, forKey: .inventoryTurnoverAnnualized)
            try c.encode(daysOnHand ?? .nan, forKey: .daysOnHand)
            try c.encode(fillRate ?? .nan, forKey: .fillRate)
            try c.encode(cycleServiceLevel ?? .nan, forKey: .cycleServiceLevel)
            try c.encode(stockoutFrequency ?? .nan, forKey: .stockoutFrequency)
        }
    }

    /// Whether each target is met (`null`: the KPI is undefined in the period).
    public struct Attainment: Codable, Sendable, Hashable {
        /// Annualised turnover ≥ target.
        public var inventoryTurnoverAnnualized: Bool?
        /// Days on hand ≤ target.
        public var daysOnHand: Bool?
        /// Fill rate ≥ target.
        public var fillRate: Bool?
        /// Cycle service level ≥ target.
        public var cycleServiceLevel: Bool?
        /// Stock-out frequency ≤ target.
        public var stockoutFrequency: Bool?

        /// Writes every key (`null` where undefined).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            for (key, value) in [
                (CodingKeys.inventoryTurnoverAnnualized, inventoryTurnoverAnnualized), (.daysOnHand, daysOnHand),
                (.fillRate, fillRate), (.cycleServiceLevel, cycleServiceLevel), (.stockoutFrequency, stockoutFrequency),
            ] {
                if let value { try c.encode(value, forKey: key) } else { try c.encodeNil(forKey: key) }
            }
        }
    }

    /// The targets (settings `kpis.*`).
    public struct Targets: Codable, Sendable, Hashable {
        /// Annualised turnover to reach.
        public var inventoryTurnoverAnnualized: Double
        /// Days on hand not to exceed.
        public var daysOnHand: Double
        /// Fill rate to reach.
        public var fillRate: Double
        /// Cycle service level to reach.
        public var cycleServiceLevel: Double
        /// Stock-out frequency not to exceed.
        public var stockoutFrequency: Double
        /// The gross-margin rate behind GMROI (`null`: GMROI is not computed).
        public var grossMarginRate: Double?

        /// Writes every key.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(inventoryTurnoverAnnualized, forKey: .inventoryTurnoverAnnualized)
            try c.encode(daysOnHand, forKey: .daysOnHand)
            try c.encode(fillRate, forKey: .fillRate)
            try c.encode(cycleServiceLevel, forKey: .cycleServiceLevel)
            try c.encode(stockoutFrequency, forKey: .stockoutFrequency)
            try c.encode(grossMarginRate ?? .nan, forKey: .grossMarginRate)
        }
    }

    /// One group's figures over one period.
    public struct Point: Codable, Sendable, Hashable {
        /// The period (`YYYY-MM`).
        public var month: String
        /// Item-locations in the group.
        public var itemLocations: Int
        /// Cost of the goods issued: issued units × unit cost.
        public var cogs: Double
        /// Mean of the end-of-day owned stock values over the period's stock days (`null` without one).
        public var averageInventoryValue: Double?
        /// COGS / average inventory value (not annualised).
        public var inventoryTurnover: Double?
        /// Turnover × 365 / days.
        public var inventoryTurnoverAnnualized: Double?
        /// Average inventory value / (COGS / days); `null` without stock or without issues.
        public var daysOnHand: Double?
        /// Units issued (recorded demand).
        public var issuedQuantity: Double
        /// Units lost to stock-outs (estimated).
        public var lostQuantity: Double
        /// Issued + lost.
        public var demandedQuantity: Double
        /// Issued / demanded.
        public var fillRate: Double?
        /// Replenishment cycles ending in the period.
        public var cycles: Int
        /// Of those, cycles without a stock-out.
        public var cyclesWithoutStockout: Int
        /// Cycles without a stock-out / cycles.
        public var cycleServiceLevel: Double?
        /// Stock-out days recorded, summed over item-locations.
        public var stockoutDays: Int
        /// Item-locations with a stock-out day.
        public var stockoutItemLocations: Int
        /// Stock-out days / (item-locations × days).
        public var stockoutFrequency: Double?
        /// Excess value on the period's last stock day (`null` without one).
        public var excessValue: Double?
        /// Value of obsolete stock on the period's last stock day (`null` without one).
        public var obsoleteValue: Double?
        /// Value-weighted WAPE of the one-step forecasts of the period's buckets, percent (`null`
        /// outside the accuracy window or without demand).
        public var forecastWapePercent: Double?
        /// Value-weighted forecast bias, percent of demand.
        public var forecastBiasPercent: Double?
        /// COGS · m / (1 − m) with the gross-margin rate m (`null` without the setting).
        public var grossMargin: Double?
        /// Gross margin / average inventory value.
        public var gmroi: Double?
        /// Change against the previous period (`null` in the first period or where either is undefined).
        public var change: Measures
        /// Targets met.
        public var onTarget: Attainment

        /// Writes every key (`null` where undefined, never `"inf"`).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(month, forKey: .month)
            try c.encode(itemLocations, forKey: .itemLocations)
            try c.encode(cogs, forKey: .cogs)
            try c.encode(averageInventoryValue ?? .nan, forKey: .averageInventoryValue)
            try c.encode(inventoryTurnover ?? .nan, forKey: .inventoryTurnover)
            try c.encode(inventoryTurnoverAnnualized ?? .nan, forKey: .inventoryTurnoverAnnualized)
            try c.encode(daysOnHand ?? .nan, forKey: .daysOnHand)
            try c.encode(issuedQuantity, forKey: .issuedQuantity)
            try c.encode(lostQuantity, forKey: .lostQuantity)
            try c.encode(demandedQuantity, forKey: .demandedQuantity)
            try c.encode(fillRate ?? .nan, forKey: .fillRate)
            try c.encode(cycles, forKey: .cycles)
            try c.encode(cyclesWithoutStockout, forKey: .cyclesWithoutStockout)
            try c.encode(cycleServiceLevel ?? .nan, forKey: .cycleServiceLevel)
            try c.encode(stockoutDays, forKey: .stockoutDays)
            try c.encode(stockoutItemLocations, forKey: .stockoutItemLocations)
            try c.encode(stockoutFrequency ?? .nan, forKey: .stockoutFrequency)
            try c.encode(excessValue ?? .nan, forKey: .excessValue)
            try c.encode(obsoleteValue ?? .nan, forKey: .obsoleteValue)
            try c.encode(forecastWapePercent ?? .nan, forKey: .forecastWapePercent)
            try c.encode(forecastBiasPercent ?? .nan, forKey: .forecastBiasPercent)
            try c.encode(grossMargin ?? .nan, forKey: .grossMargin)
            try c.encode(gmroi ?? .nan, forKey: .gmroi)
            try c.encode(change, forKey: .change)
            try c.encode(onTarget, forKey: .onTarget)
        }
    }

    /// One group's history.
    public struct Series: Codable, Sendable, Hashable {
        /// `total`, `item`, `category`, `location`, `class` or `supplier`.
        public var grouping: String
        /// The group (`total` for all).
        public var name: String
        /// One point per period, oldest first.
        public var points: [Point]
        /// Least-squares slope per period over the periods where the KPI is defined (`null` with
        /// fewer than two).
        public var trend: Measures
    }

    /// The snapshot date (ISO).
    public var asOf: String
    /// The currency of the values.
    public var currency: String
    /// The bucket size of the demand history (`day`, `week`, `month`).
    public var bucket: String
    /// First day of the window (ISO).
    public var from: String
    /// Last day of the window (ISO).
    public var to: String
    /// The periods, oldest first.
    public var periods: [Period]
    /// The targets.
    public var targets: Targets
    /// First month with forecast accuracy (`null`: none measured).
    public var accuracyFrom: String?
    /// All item-locations.
    public var total: Series
    /// The groups asked for, grouping by grouping, names in order.
    public var groups: [Series]

    /// Writes every key.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(currency, forKey: .currency)
        try c.encode(bucket, forKey: .bucket)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(periods, forKey: .periods)
        try c.encode(targets, forKey: .targets)
        if let accuracyFrom { try c.encode(accuracyFrom, forKey: .accuracyFrom) } else { try c.encodeNil(forKey: .accuracyFrom) }
        try c.encode(total, forKey: .total)
        try c.encode(groups, forKey: .groups)
    }
}
