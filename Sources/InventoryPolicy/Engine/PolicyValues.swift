/// The values of a policy a planner sees and may override: computed and final side by side in
/// ``PolicyResult``.
///
/// Quantities are in base units except ``minimum`` and ``maximum``, which are in purchase units of
/// the primary supplier, rounded up to its order multiple (the values for the ERP).
public struct PolicyValues: Hashable, Sendable {
    /// Service-level target (cycle service level or fill rate).
    public var serviceLevel: Double
    /// Review period in days (used under periodic review).
    public var reviewPeriodDays: Double
    /// Demand per bucket the policy plans for.
    public var forecastPerBucket: Double
    /// Safety stock.
    public var safetyStock: Double
    /// Reorder point s (under (R,S) the order-up-to level S).
    public var reorderPoint: Double
    /// Order-up-to level S (under (s,Q) the maximum inventory position s + Q).
    public var orderUpToLevel: Double
    /// Order quantity Q (under (R,S) the expected order per review).
    public var orderQuantity: Double
    /// ERP min, purchase units.
    public var minimum: Double
    /// ERP max, purchase units.
    public var maximum: Double
    /// Factor applied to the forecast per bucket (`forecast_uplift`; 1 when none).
    public var forecastUplift: Double

    /// Creates values.
    public init(
        serviceLevel: Double, reviewPeriodDays: Double, forecastPerBucket: Double, safetyStock: Double, reorderPoint: Double,
        orderUpToLevel: Double, orderQuantity: Double, minimum: Double, maximum: Double, forecastUplift: Double = 1
    ) {
        self.serviceLevel = serviceLevel
        self.reviewPeriodDays = reviewPeriodDays
        self.forecastPerBucket = forecastPerBucket
        self.safetyStock = safetyStock
        self.reorderPoint = reorderPoint
        self.orderUpToLevel = orderUpToLevel
        self.orderQuantity = orderQuantity
        self.minimum = minimum
        self.maximum = maximum
        self.forecastUplift = forecastUplift
    }

    /// The value of one parameter.
    public subscript(parameter: PolicyParameter) -> Double {
        switch parameter {
        case .serviceLevel: return serviceLevel
        case .reviewPeriodDays: return reviewPeriodDays
        case .forecastPerBucket: return forecastPerBucket
        case .forecastUplift: return forecastUplift
        case .safetyStock: return safetyStock
        case .reorderPoint: return reorderPoint
        case .orderQuantity: return orderQuantity
        case .minimum: return minimum
        case .maximum: return maximum
        }
    }
}
