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

    /// Creates a context.
    public init(lifecycle: Lifecycle? = nil, plannerEstimate: Double? = nil, categoryProfile: Double? = nil) {
        self.lifecycle = lifecycle
        self.plannerEstimate = plannerEstimate
        self.categoryProfile = categoryProfile
    }
}
