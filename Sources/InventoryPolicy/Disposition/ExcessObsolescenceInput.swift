/// The inputs of ``ExcessObsolescence/evaluate(_:)`` for one item-location (JSON keys `as_of_date`,
/// `layers`, `monthly_forecast`, `coverage_months`, `age_buckets`, `excess_provision_rate`,
/// `demand_history_months`, `obsolete_after_months_without_demand`, `obsolete_provision_rate`).
public struct ExcessObsolescenceInput: Codable, Sendable, Hashable {
    /// A receipt layer on hand: what is left of one receipt, at its cost.
    public struct Layer: Codable, Sendable, Hashable {
        /// The day it was received (ISO 8601 `YYYY-MM-DD`, not after the as-of date).
        public var receiptDate: String
        /// Units still on hand from it (≥ 0, may be fractional).
        public var qty: Double
        /// Cost per unit (≥ 0).
        public var unitCost: Double

        /// Creates a layer.
        public init(receiptDate: String, qty: Double, unitCost: Double) {
            self.receiptDate = receiptDate
            self.qty = qty
            self.unitCost = unitCost
        }
    }

    /// An age bucket: ages `min_days … max_days` inclusive (`max_days` null: no upper bound) and its
    /// write-down rate.
    public struct AgeBucket: Codable, Sendable, Hashable {
        /// The youngest age in the bucket (days).
        public var minDays: Int
        /// The oldest age in the bucket (days); `nil` for the open last bucket.
        public var maxDays: Int?
        /// The provision rate for stock of this age (0 … 1).
        public var rate: Double

        /// Creates a bucket.
        public init(minDays: Int, maxDays: Int?, rate: Double) {
            self.minDays = minDays
            self.maxDays = maxDays
            self.rate = rate
        }
    }

    /// The default buckets: 0–180 days 0 %, 181–365 days 25 %, 366–730 days 50 %, 731 days and older 100 %.
    public static let defaultAgeBuckets = [
        AgeBucket(minDays: 0, maxDays: 180, rate: 0), AgeBucket(minDays: 181, maxDays: 365, rate: 0.25),
        AgeBucket(minDays: 366, maxDays: 730, rate: 0.5), AgeBucket(minDays: 731, maxDays: nil, rate: 1),
    ]

    /// The valuation day (ISO 8601 `YYYY-MM-DD`).
    public var asOfDate: String
    /// The layers on hand, in any order.
    public var layers: [Layer]
    /// Forecast demand per month; month 1 is the month after the as-of date.
    public var monthlyForecast: [Double]
    /// How many forecast months the stock may cover before the rest is excess (0 … the forecast's length).
    public var coverageMonths: Int
    /// The age buckets, youngest first; ``defaultAgeBuckets`` when absent.
    public var ageBuckets: [AgeBucket]?
    /// The rate on excess units (the layer's age rate applies when higher).
    public var excessProvisionRate: Double
    /// Demand per past month, most recent last.
    public var demandHistoryMonths: [Double]
    /// N: that many most recent months without demand make the item obsolete (≥ 1).
    public var obsoleteAfterMonthsWithoutDemand: Int
    /// The rate on every unit of an obsolete item.
    public var obsoleteProvisionRate: Double

    /// Creates the inputs.
    public init(
        asOfDate: String, layers: [Layer], monthlyForecast: [Double], coverageMonths: Int, ageBuckets: [AgeBucket]? = nil,
        excessProvisionRate: Double, demandHistoryMonths: [Double], obsoleteAfterMonthsWithoutDemand: Int,
        obsoleteProvisionRate: Double
    ) {
        self.asOfDate = asOfDate
        self.layers = layers
        self.monthlyForecast = monthlyForecast
        self.coverageMonths = coverageMonths
        self.ageBuckets = ageBuckets
        self.excessProvisionRate = excessProvisionRate
        self.demandHistoryMonths = demandHistoryMonths
        self.obsoleteAfterMonthsWithoutDemand = obsoleteAfterMonthsWithoutDemand
        self.obsoleteProvisionRate = obsoleteProvisionRate
    }
}
