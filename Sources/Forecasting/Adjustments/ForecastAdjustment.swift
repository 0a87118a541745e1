/// A planner's manual adjustment of the statistical forecast for an exceptional demand event
/// (a promotion, a project, a shutdown) over a window of future buckets, with its reason.
public struct ForecastAdjustment: Hashable, Sendable {
    /// What the adjustment does to each bucket of its window.
    public enum Kind: Hashable, Sendable {
        /// Multiply by `1 + percent/100` (negative = cut).
        case uplift(percent: Double)
        /// Multiply by a factor (1.2 = 20 % more; `forecast_uplift` in overrides.csv).
        case multiply(factor: Double)
        /// Add a quantity per bucket (negative = remove).
        case add(quantity: Double)
        /// Replace the forecast with a quantity per bucket.
        case override(quantity: Double)
    }

    /// What it does.
    public var kind: Kind
    /// The buckets it covers, as offsets into the forecast horizon (0 = the first forecast bucket).
    public var buckets: Range<Int>
    /// Why (required: adjustments without a reason are not accepted by planners' review).
    public var reason: String
    /// Who entered it.
    public var author: String

    /// Creates an adjustment.
    public init(kind: Kind, buckets: Range<Int>, reason: String, author: String = "") {
        self.kind = kind
        self.buckets = buckets
        self.reason = reason
        self.author = author
    }
}
