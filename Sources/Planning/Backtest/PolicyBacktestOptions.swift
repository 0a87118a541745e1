public import InventoryCore
public import InventoryPolicy
public import Simulation

/// The window, thresholds and replay choices of a back-test.
public struct PolicyBacktestOptions: Sendable, Hashable {
    /// How the receipts' lead times are replayed.
    public enum LeadTimeReplay: String, Sendable, Hashable, CaseIterable, Codable {
        /// Order by order: a replayed order takes the lead time of the last real order placed by
        /// the end of its period (``BacktestLeadTimes``).
        case perOrder = "per_order"
        /// Every order takes the receipts' mean lead time.
        case mean
    }

    /// The first day replayed (rounded up to the first whole bucket); default: a year of complete
    /// buckets before the snapshot date.
    public var from: Day?
    /// The last day replayed (rounded down to the last whole bucket); default: the last complete bucket.
    public var to: Day?
    /// How far below target still counts as met (share points; default 0.05).
    public var tolerance: Double
    /// Simulated stock above this multiple of the planned average inventory is excess (default 1.5).
    public var excessFactor: Double
    /// Demand short of stock is backordered (work orders and sales orders wait; the default) or lost.
    public var unmetDemand: PolicySimulationInput.UnmetDemand
    /// The receipts' lead times order by order (default) or their mean.
    public var leadTimes: LeadTimeReplay
    /// Whether an item-location with several sources shares each order among them by their
    /// sourcing.csv shares, each part with its source's lead time (default true; false: the main
    /// source takes every order).
    public var splitSourcing: Bool
    /// Parameters to replay instead of the plan's (a policies file: `procura backtest --policies
    /// FILE`); only the item-locations listed are replayed. `nil`: the plan's policies.
    public var policies: [PolicyParameterLine]?

    /// Creates options.
    public init(
        from: Day? = nil, to: Day? = nil, tolerance: Double = 0.05, excessFactor: Double = 1.5,
        unmetDemand: PolicySimulationInput.UnmetDemand = .backorder, leadTimes: LeadTimeReplay = .perOrder,
        splitSourcing: Bool = true, policies: [PolicyParameterLine]? = nil
    ) {
        self.from = from
        self.to = to
        self.tolerance = tolerance
        self.excessFactor = excessFactor
        self.unmetDemand = unmetDemand
        self.leadTimes = leadTimes
        self.splitSourcing = splitSourcing
        self.policies = policies
    }
}
