public import InventoryCore

/// One pass of the policy engine over an input (with any input overrides applied): the decision,
/// the safety stock, the supply and lot sizes, the levels and the annual cost.
public struct PolicyEvaluation: Hashable, Sendable {
    /// Review and policy type, and why.
    public var decision: PolicyDecision
    /// The distribution configured for the demand pattern (`nil` without a stock policy).
    public var configuredDistribution: DemandDistribution?
    /// The safety stock and its derivation.
    public var safetyStock: SafetyStockOutcome
    /// Suppliers, lead time and lot sizes.
    public var supply: SupplyPlan
    /// The resulting values.
    public var values: PolicyValues
    /// Annual cost at these values.
    public var cost: AnnualCost
    /// Average cycle stock in base units, Σ wᵢ·Qᵢ/2 over the suppliers with volume.
    public var averageCycleStock: Double
    /// Under (R,S) with `economic_review_period`: how the review period was chosen.
    public var economicReview: EconomicReviewPeriod?
    /// Length of a bucket in days.
    public var bucketDays: Double
    /// Buckets per year.
    public var bucketsPerYear: Double
    /// Observations.
    public var notes: PolicyNotes
    /// The kanban loop of a ``InventoryCore/PolicyType/kanban`` policy (strategy `jit_kanban`): its
    /// container and cards give the reorder point (N − 1)·C, the order quantity C and the maximum N·C.
    public var kanban: KanbanLoop?

    /// Average daily demand d / bucket length.
    public var dailyDemand: Double { values.forecastPerBucket / bucketDays }
    /// Annual demand d × buckets per year.
    public var annualDemand: Double { values.forecastPerBucket * bucketsPerYear }
}
