public import InventoryCore

/// What the selection knows about an item-location besides its history.
public struct SelectionContext: Hashable, Sendable {
    /// The item's declared lifecycle (`phase_out` is flagged).
    public var lifecycle: Lifecycle?
    /// A planner-entered demand estimate per bucket, used for items with too little history.
    public var plannerEstimate: Double?
    /// A demand per bucket from a category profile (e.g. the mean bucket demand of comparable
    /// items), used for items with too little history when there is no planner estimate.
    public var categoryProfile: Double?
    /// The demand pattern from the planning classification (`ClassificationRun`: the classification
    /// window, the data set's cut-offs and hysteresis). When given, it chooses the candidate models
    /// instead of the selector's own classification of the series, so that the pattern a planner
    /// sees in `procura classify` is the one the forecast was selected for. `noDemand` (no demand in
    /// the classification window, but earlier) falls back to the selector's own classification.
    public var pattern: DemandPattern?

    /// Creates a context.
    public init(
        lifecycle: Lifecycle? = nil, plannerEstimate: Double? = nil, categoryProfile: Double? = nil, pattern: DemandPattern? = nil
    ) {
        self.lifecycle = lifecycle
        self.plannerEstimate = plannerEstimate
        self.categoryProfile = categoryProfile
        self.pattern = pattern
    }
}
