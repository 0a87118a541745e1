public import InventoryCore
import InventoryPolicy

/// The inventory KPIs of a company — the dashboard's figures, `GET /api/v1/dashboard` and
/// `procura kpis`, computed here once: inventory value, cost of goods issued and annual usage,
/// turns, days on hand, fill rate, stock-out days and frequency (``KPIFigures``, formulas in
/// ``KPIFormulas``), in total and per grouping (category, location, ABC-XYZ class), the ABC-XYZ
/// matrix, and the alerts.
///
/// The figures cover a ``Period`` of complete buckets of the demand history (default: the
/// classification window, the last `classification.window_buckets`). The inventory value is
/// today's owned stock (``InventoryCore/Snapshot/ownedOnHand()``) at the unit cost, planned or
/// not; the usage is the recorded demand of the period at the unit cost.
///
/// Alerts (per item-location with a stock policy unless said otherwise), each listing the ten
/// with most value at stake:
/// - `reorder`: inventory position (on hand + open orders) ≤ reorder point s (s > 0);
/// - `stockout`: nothing on hand while the policy plans for demand;
/// - `excess`: on hand above the order-up-to level S (the maximum);
/// - `flagged`: an override far from the computed value — every item-location with one, with or
///   without a stock policy, the rule `procura plan` counts (``PolicyResult/isFlagged``).
public struct InventoryKPIs: Codable, Sendable, Hashable {
    /// Ways to group item-locations (`procura kpis --by`).
    public enum Grouping: String, Sendable, CaseIterable, Codable {
        /// The item's category.
        case category
        /// The location.
        case location
        /// The ABC-XYZ class of the classification (`AX` … `CZ`).
        case abcClass = "class"
    }

    /// The days the flows (usage, fill rate, stock-outs) cover: whole buckets of the history.
    public struct Period: Codable, Sendable, Hashable {
        /// First day (ISO date).
        public var firstDay: String
        /// Last day, inclusive (ISO date).
        public var lastDay: String
        /// Days, both ends included.
        public var days: Int
        /// Buckets.
        public var buckets: Int
        /// Bucket size (`day`, `week`, `month`).
        public var bucket: String
    }

    /// One cell of the ABC-XYZ matrix: item-locations and classification value.
    public struct Cell: Codable, Sendable, Hashable {
        /// ABC class.
        public var abc: String
        /// XYZ class.
        public var xyz: String
        /// Item-locations.
        public var count: Int
        /// Annual consumption value of the classification.
        public var value: Double
        /// Share of the total annual consumption value.
        public var share: Double
    }

    /// Options.
    public struct Configuration: Sendable {
        /// Columns of the demand history the flows cover (`nil`: the classification window).
        public var columns: Range<Int>?
        /// The groupings computed.
        public var groupings: [Grouping]

        /// Creates a configuration.
        public init(columns: Range<Int>? = nil, groupings: [Grouping] = Grouping.allCases) {
            self.columns = columns
            self.groupings = groupings
        }
    }

    /// The snapshot date (ISO).
    public var asOf: String
    /// The currency of the values.
    public var currency: String
    /// The stored plan run the figures come from (`nil`: a plan computed on a data folder).
    public var runNumber: Int?
    /// The period of the flows.
    public var period: Period
    /// All item-locations.
    public var total: KPIFigures
    /// Per category, largest inventory value first (`nil` when not asked for).
    public var byCategory: [KPIFigures]?
    /// Per location, by id.
    public var byLocation: [KPIFigures]?
    /// Per ABC-XYZ class, AX … CZ (`none`: stock without a plan row).
    public var byClass: [KPIFigures]?
    /// The ABC-XYZ matrix, A then B then C, each X, Y, Z.
    public var matrix: [Cell]
    /// The alerts: reorder, stockout, excess, flagged.
    public var alerts: [KPIAlertList]

    /// The groups of a grouping.
    public func groups(_ grouping: Grouping) -> [KPIFigures]? {
        switch grouping {
        case .category: return byCategory
        case .location: return byLocation
        case .abcClass: return byClass
        }
    }
}
