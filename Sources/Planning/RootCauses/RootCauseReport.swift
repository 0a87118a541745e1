/// Stock-outs and excess positions with their likely causes read from the data, and the Pareto of
/// causes — `procura root-causes`, `GET /api/v1/kpis/root-causes` and the KPI trends page
/// (``RootCauseAnalysis``; docs/kpis.md, "Root causes").
public struct RootCauseReport: Codable, Sendable, Hashable {
    /// What kind of event.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// A run of buckets with stock-out days.
        case stockout
        /// Owned stock beyond the forecast's coverage, or obsolete, today.
        case excess
    }

    /// A cause and the evidence for it.
    public struct Cause: Codable, Sendable, Hashable {
        /// Stable code: `forecast_under`, `forecast_over`, `supplier_late`, `lead_time_longer`,
        /// `order_late`, `override`, `moq_excess`, `over_delivery`, `no_demand`, `demand_shift`, `unexplained`.
        public var code: String
        /// The numbers behind it, in words.
        public var evidence: String
    }

    /// One stock-out or excess position.
    public struct Event: Codable, Sendable, Hashable {
        /// `stockout` or `excess`.
        public var kind: Kind
        /// Item id.
        public var itemId: String
        /// Location id.
        public var locationId: String
        /// The item's category (`(none)` without one).
        public var category: String
        /// The primary supplier (`(none)` without sourcing).
        public var supplierId: String
        /// First day (a stock-out's first bucket; for excess the valuation day).
        public var start: String
        /// Last day.
        public var end: String
        /// Stock-out days recorded (0 for excess).
        public var stockoutDays: Int
        /// Value at stake: for a stock-out, its days × the daily demand of the
        /// `forecasting.moving_average_window` buckets before it × unit cost; for excess, the excess
        /// value (obsolete: the gross value).
        public var value: Double
        /// The likely causes, strongest rule first; `unexplained` when no rule fires.
        public var causes: [Cause]
    }

    /// One cause's place in a Pareto.
    public struct CauseShare: Codable, Sendable, Hashable {
        /// The cause code.
        public var cause: String
        /// Events listing it.
        public var events: Int
        /// Its share of the events, each event's weight split equally among its causes (shares sum to 1).
        public var share: Double
        /// Running sum of the shares, largest first.
        public var cumulativeShare: Double
    }

    /// The Pareto of one kind of event in one group.
    public struct Pareto: Codable, Sendable, Hashable {
        /// `total`, `category` or `supplier`.
        public var grouping: String
        /// The group (`total` for all).
        public var name: String
        /// `stockout` or `excess`.
        public var kind: Kind
        /// Events in the group.
        public var events: Int
        /// Their value at stake.
        public var value: Double
        /// Causes, largest share first (ties by code).
        public var causes: [CauseShare]
    }

    /// The snapshot date.
    public var asOf: String
    /// The currency of the values.
    public var currency: String
    /// First day of the window the stock-outs are taken from.
    public var from: String
    /// Last day.
    public var to: String
    /// Every event, stock-outs by value at stake, then excess by value.
    public var events: [RootCauseReport.Event]
    /// Paretos: per kind the total, then per category, then per supplier.
    public var pareto: [Pareto]
}
