public import InventoryCore

/// The classification of one item-location and every number behind it.
public struct ItemLocationClassification: Hashable, Sendable {
    /// Index into the snapshot's items.
    public var item: Int32
    /// Index into the snapshot's locations.
    public var location: Int32
    /// Buckets the statistics looked at (the window, or fewer for a new item).
    public var periods: Int
    /// Demand in the window, base units.
    public var windowQuantity: Double
    /// Demand per year: the window's demand scaled to a year of buckets.
    public var annualQuantity: Double
    /// Annual consumption value: annual quantity × unit cost.
    public var annualValue: Double
    /// Share of the total annual value of the ranking scope.
    public var valueShare: Double
    /// Cumulative value share including this item-location (ranked by value).
    public var cumulativeShare: Double
    /// Rank by value within the ranking scope, 1 = highest.
    public var rank: Int
    /// ABC class.
    public var abc: ABCClass
    /// Mean demand per bucket.
    public var meanPerBucket: Double
    /// Population standard deviation of demand per bucket.
    public var standardDeviationPerBucket: Double
    /// Coefficient of variation (∞ without demand).
    public var cv: Double
    /// XYZ class.
    public var xyz: XYZClass
    /// Buckets with demand.
    public var nonZeroPeriods: Int
    /// Average inter-demand interval.
    public var adi: Double
    /// Squared CV of the non-zero demand sizes.
    public var cv2: Double
    /// Syntetos–Boylan demand pattern.
    public var pattern: DemandPattern
    /// VED criticality (from the item).
    public var criticality: Criticality
    /// Lifecycle (from the item).
    public var lifecycle: Lifecycle
    /// Observations: `new` (first demand within the new-item window), `dying` (no recent demand
    /// after earlier demand), `no_demand`.
    public var flags: [String]
    /// Service-level target.
    public var serviceLevel: Double
    /// Why that target.
    public var serviceLevelReason: String
    /// Procurement strategy.
    public var strategy: ProcurementStrategy
    /// Why that strategy.
    public var strategyReason: String

    /// The ABC-XYZ cell.
    public var cell: ABCXYZCell { ABCXYZCell(abc, xyz) }
}
