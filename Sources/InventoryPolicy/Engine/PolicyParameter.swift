/// A parameter a planner can override (`overrides.csv`, column `parameter`).
///
/// Inputs (applied before the policy is computed): `service_level` (0 < v < 1), `review_period_days`
/// (> 0), `forecast_per_bucket` (≥ 0, base units per bucket), `forecast_uplift` (a factor on the
/// forecast per bucket, 0 < v ≤ 10: 1.2 plans for 20 % more; a larger value is almost always a
/// percentage typed as a factor and is ignored as invalid; `forecast_per_bucket`, when also valid,
/// wins). Outputs (replace the computed value;
/// later outputs follow unless overridden themselves): `safety_stock` (≥ 0, base units),
/// `reorder_point` (≥ 0, base units), `order_quantity` (> 0, base units), `min` and `max` (≥ 0,
/// purchase units of the primary supplier — the ERP's values).
public enum PolicyParameter: String, Hashable, Sendable, CaseIterable, Codable {
    case serviceLevel = "service_level"
    case reviewPeriodDays = "review_period_days"
    case forecastPerBucket = "forecast_per_bucket"
    case forecastUplift = "forecast_uplift"
    case safetyStock = "safety_stock"
    case reorderPoint = "reorder_point"
    case orderQuantity = "order_quantity"
    case minimum = "min"
    case maximum = "max"

    /// Whether the parameter is an input of the computation (rather than a result).
    public var isInput: Bool {
        self == .serviceLevel || self == .reviewPeriodDays || self == .forecastPerBucket || self == .forecastUplift
    }

    /// The largest accepted `forecast_uplift` factor.
    public static let maximumForecastUplift = 10.0

    /// Whether `value` is allowed for this parameter (the domains above).
    public func accepts(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .serviceLevel: return value > 0 && value < 1
        case .reviewPeriodDays, .orderQuantity: return value > 0
        case .forecastUplift: return value > 0 && value <= Self.maximumForecastUplift
        case .forecastPerBucket, .safetyStock, .reorderPoint, .minimum, .maximum: return value >= 0
        }
    }
}
