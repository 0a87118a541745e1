/// A planner's override of a computed parameter for one item-location (`overrides.csv`).
public struct Override: Hashable, Sendable {
    /// Index into ``Snapshot/items``.
    public var item: Int32
    /// Index into ``Snapshot/locations``.
    public var location: Int32
    /// Which parameter (`safety_stock`, `reorder_point`, `order_quantity`, `min`, `max`,
    /// `service_level`, `review_period_days`, `forecast_per_bucket`, …).
    public var parameter: String
    /// The value to use instead of the computed one.
    public var value: Double
    /// Why.
    public var reason: String
    /// Who decided.
    public var author: String
    /// First day it applies (inclusive), or always.
    public var validFrom: Day?
    /// Last day it applies (inclusive), or open-ended.
    public var validTo: Day?

    /// Whether the override applies on `day`.
    public func isValid(on day: Day) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validTo, day > validTo { return false }
        return true
    }

    /// Creates an override.
    public init(
        item: Int32, location: Int32, parameter: String, value: Double, reason: String, author: String = "",
        validFrom: Day? = nil, validTo: Day? = nil
    ) {
        self.item = item
        self.location = location
        self.parameter = parameter
        self.value = value
        self.reason = reason
        self.author = author
        self.validFrom = validFrom
        self.validTo = validTo
    }
}
