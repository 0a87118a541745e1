public import InventoryCore

/// Everything the policy engine needs about one item-location, as a value.
///
/// Times are in days (lead times, review period, shelf life); demand is per planning bucket of the
/// engine (``PolicyEngine/bucket``); money is per base unit (unit cost) or per order (order cost);
/// the holding-cost rate is per year. Overrides may be given whatever their validity: the engine
/// applies those valid on ``asOf`` and lists the others as ignored.
public struct PolicyInput: Hashable, Sendable {
    /// Demand rate and uncertainty.
    public var demand: DemandEstimate
    /// Syntetos–Boylan demand pattern (chooses the distribution).
    public var pattern: DemandPattern
    /// ABC class (review type).
    public var abc: ABCClass
    /// XYZ class (reported).
    public var xyz: XYZClass
    /// Service-level target in (0, 1): a cycle service level, or a fill rate under
    /// ``ServiceMeasure/fillRate``.
    public var serviceLevel: Double
    /// VED criticality (review type).
    public var criticality: Criticality
    /// Lifecycle (obsolete and phase-out items get no stock policy).
    public var lifecycle: Lifecycle
    /// Procurement strategy from the classification.
    public var strategy: ProcurementStrategy
    /// How the classification set the service level (cell, supplier segment, criticality,
    /// lifecycle), for the explanation; empty when not given.
    public var serviceLevelReason: String = ""
    /// How the classification chose the strategy, for the explanation; empty when not given.
    public var strategyReason: String = ""
    /// Suppliers (empty: the default lead time of the settings, flagged).
    public var sources: [PolicySource]
    /// Standard cost per base unit (values safety stock and average inventory).
    public var unitCost: Double
    /// Annual holding cost as a fraction of the unit value, i.
    public var holdingCostRate: Double
    /// Cost of placing one order, K.
    public var orderCost: Double
    /// Review period R in days for periodic review.
    public var reviewPeriodDays: Double
    /// Shelf life in days, for perishable stock.
    public var shelfLifeDays: Double?
    /// Planner overrides of this item-location (all of them; validity is checked on ``asOf``).
    public var overrides: [Override]
    /// The planning date.
    public var asOf: Day

    /// Creates an input.
    public init(
        demand: DemandEstimate, pattern: DemandPattern, abc: ABCClass = .c, xyz: XYZClass = .x, serviceLevel: Double,
        criticality: Criticality = .essential, lifecycle: Lifecycle = .active, strategy: ProcurementStrategy = .reorderPoint,
        sources: [PolicySource] = [], unitCost: Double, holdingCostRate: Double = 0.25, orderCost: Double = 50,
        reviewPeriodDays: Double = 7, shelfLifeDays: Double? = nil, overrides: [Override] = [], asOf: Day
    ) {
        self.demand = demand
        self.pattern = pattern
        self.abc = abc
        self.xyz = xyz
        self.serviceLevel = serviceLevel
        self.criticality = criticality
        self.lifecycle = lifecycle
        self.strategy = strategy
        self.sources = sources
        self.unitCost = unitCost
        self.holdingCostRate = holdingCostRate
        self.orderCost = orderCost
        self.reviewPeriodDays = reviewPeriodDays
        self.shelfLifeDays = shelfLifeDays
        self.overrides = overrides
        self.asOf = asOf
    }
}
