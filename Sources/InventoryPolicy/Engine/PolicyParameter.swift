/// A parameter a planner can override (`overrides.csv`, column `parameter`).
///
/// Inputs (applied before the policy is computed): `service_level` (0 < v < 1), `review_period_days`
/// (0 < v ≤ 3,650: at most ten years), `forecast_per_bucket` (≥ 0, base units per bucket), `forecast_uplift` (a factor on the
/// forecast per bucket, 0 < v ≤ 10: 1.2 plans for 20 % more; a larger value is almost always a
/// percentage typed as a factor and is ignored as invalid; `forecast_per_bucket`, when also valid,
/// wins). Outputs (replace the computed value;
/// later outputs follow unless overridden themselves): `safety_stock` (≥ 0, base units),
/// `reorder_point` (≥ 0, base units), `order_quantity` (> 0, base units), `min` and `max` (≥ 0,
/// purchase units of the primary supplier — the ERP's values). Quantities are at most 10¹² (no stock
/// reaches that; a larger value is a typing error and would overflow the arithmetic). A value
/// outside its domain is ignored as invalid and listed with the reason.
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

    /// The longest accepted `review_period_days` (ten years).
    public static let maximumReviewPeriodDays = 3_650.0

    /// The largest accepted quantity (base or purchase units).
    public static let maximumQuantity = 1e12

    /// The smallest accepted `order_quantity`: the ledger's quantity step (10⁻⁶ base units). A
    /// smaller one makes D/Q orders a year, and so the ordering cost, overflow (schemathesis found
    /// an override of 1e−300 turning the annual cost into "inf").
    public static let minimumOrderQuantity = 1e-6

    /// The shortest accepted `review_period_days` (about a quarter of an hour): a shorter one makes
    /// the reviews a year overflow likewise.
    public static let minimumReviewPeriodDays = 0.01

    /// Whether `value` is allowed for this parameter (the domains above).
    public func accepts(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .serviceLevel: return value > 0 && value < 1
        case .reviewPeriodDays: return value >= Self.minimumReviewPeriodDays && value <= Self.maximumReviewPeriodDays
        case .orderQuantity: return value >= Self.minimumOrderQuantity && value <= Self.maximumQuantity
        case .forecastUplift: return value > 0 && value <= Self.maximumForecastUplift
        case .forecastPerBucket, .safetyStock, .reorderPoint, .minimum, .maximum:
            return value >= 0 && value <= Self.maximumQuantity
        }
    }

    /// The accepted values, for messages: `a number in (0, 1)`, ….
    public var expected: String {
        switch self {
        case .serviceLevel: return "a number in (0, 1)"
        case .reviewPeriodDays: return "days ≥ 0.01 and ≤ 3650"
        case .orderQuantity: return "a quantity ≥ 0.000001 and ≤ 1e12"
        case .forecastUplift: return "a factor > 0 and ≤ 10 (1.2 = +20 %)"
        case .forecastPerBucket, .safetyStock, .reorderPoint, .minimum, .maximum: return "a quantity ≥ 0 and ≤ 1e12"
        }
    }
}
