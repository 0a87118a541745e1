public import InventoryPolicy

/// Many item-locations replayed at once by ``PolicySimulation/run(_:)``: row r has its policy,
/// lead time and opening stock, and its demand is `demand[r·days ..< (r + 1)·days]` (one whole
/// number per day, row after row, as a matrix file stores it).
public struct PolicySimulationInput: Sendable {
    /// What happens to demand that cannot be served from stock.
    public enum UnmetDemand: String, Sendable, Hashable, Codable {
        /// Served later, before new demand.
        case backorder
        /// Lost.
        case lostSales = "lost_sales"
    }

    /// The policy of each row.
    public var policies: [ReplenishmentPolicy]
    /// The lead time of each row's orders (days ≥ 1).
    public var leadTimes: [Int]
    /// On hand at the start of day 0, per row.
    public var initialOnHand: [Int]
    /// Backorders or lost sales, for every row.
    public var unmetDemand: UnmetDemand
    /// Days per row.
    public var days: Int
    /// Demand per row and day, row-major (rows × days).
    public var demand: [Int32]
    /// Where given (rows × days, row-major), the lead time of an order placed on each day, for the
    /// rows flagged in ``dailyLeadTimeRows`` (scenarios: shocked lead times and paused deliveries);
    /// other rows use ``leadTimes``. A 0 forbids ordering on that day: the order the policy would
    /// place is skipped, not deferred (an order-pausing disruption, `stockpyl_sim_disruptions.json`).
    public var dailyLeadTimes: [Int32] = []
    /// The rows whose orders take ``dailyLeadTimes``.
    public var dailyLeadTimeRows: Set<Int> = []
    /// Rows bought from several sources: each order is shared among them (``SourceSplit``); these
    /// rows take neither ``leadTimes`` nor ``dailyLeadTimes``.
    public var sourceSplits: [Int: SourceSplit] = [:]

    /// Creates the input.
    public init(
        policies: [ReplenishmentPolicy], leadTimes: [Int], initialOnHand: [Int], unmetDemand: UnmetDemand, days: Int,
        demand: [Int32]
    ) {
        self.policies = policies
        self.leadTimes = leadTimes
        self.initialOnHand = initialOnHand
        self.unmetDemand = unmetDemand
        self.days = days
        self.demand = demand
    }

    /// The number of rows.
    public var rows: Int { policies.count }
}
