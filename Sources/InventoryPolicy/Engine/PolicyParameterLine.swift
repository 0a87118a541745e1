public import InventoryCore

/// One line of a policies file a planner replays instead of the plan's policies (`procura
/// backtest --policies FILE`, read by DataImport's `PolicyParametersFile`): an item-location, its
/// policy type and the parameters that type needs, in base units.
///
/// | policy type | needs |
/// |---|---|
/// | (s,Q) | reorder point s, order quantity Q > 0 |
/// | kanban | reorder point s = (N − 1)·C, order quantity Q = C (the container) > 0: replayed as (s, nQ) |
/// | (s,S), min/max | reorder point s, order-up-to level S ≥ s |
/// | (R,S) | review period R > 0 days, order-up-to level S |
/// | (R,s,S) | review period R > 0 days, reorder point s, order-up-to level S ≥ s |
public struct PolicyParameterLine: Sendable, Hashable {
    /// Where the line comes from (`policies.csv:3`), for messages.
    public var origin: String
    /// The item's id.
    public var itemID: String
    /// The location's id.
    public var locationID: String
    /// The policy type (not `none`).
    public var policyType: PolicyType
    /// Reorder point s (min), base units.
    public var reorderPoint: Double?
    /// Order-up-to level S (max), base units.
    public var orderUpToLevel: Double?
    /// Order quantity Q, base units.
    public var orderQuantity: Double?
    /// Review period R in days.
    public var reviewPeriodDays: Double?

    /// Creates a line.
    public init(
        origin: String, itemID: String, locationID: String, policyType: PolicyType, reorderPoint: Double? = nil,
        orderUpToLevel: Double? = nil, orderQuantity: Double? = nil, reviewPeriodDays: Double? = nil
    ) {
        self.origin = origin
        self.itemID = itemID
        self.locationID = locationID
        self.policyType = policyType
        self.reorderPoint = reorderPoint
        self.orderUpToLevel = orderUpToLevel
        self.orderQuantity = orderQuantity
        self.reviewPeriodDays = reviewPeriodDays
    }

    /// The parameters `policyType` needs, by their policies.csv column names.
    public static func required(for policyType: PolicyType) -> [String] {
        switch policyType {
        case .sQ, .kanban: return ["reorder_point", "order_quantity"]
        case .sS, .minMax: return ["reorder_point", "order_up_to_level"]
        case .rS: return ["review_period_days", "order_up_to_level"]
        case .rsS: return ["review_period_days", "reorder_point", "order_up_to_level"]
        case .none: return []
        }
    }

    /// The plan's values with this line's parameters in place (s + Q as the maximum of (s,Q); S as
    /// the reorder point of (R,S)).
    public func applied(to values: PolicyValues) -> PolicyValues {
        var v = values
        if let reviewPeriodDays { v.reviewPeriodDays = reviewPeriodDays }
        switch policyType {
        case .sQ, .kanban:
            v.reorderPoint = reorderPoint ?? v.reorderPoint
            v.orderQuantity = orderQuantity ?? v.orderQuantity
            v.orderUpToLevel = v.reorderPoint + v.orderQuantity
        case .sS, .minMax, .rsS:
            v.reorderPoint = reorderPoint ?? v.reorderPoint
            v.orderUpToLevel = orderUpToLevel ?? v.orderUpToLevel
        case .rS:
            v.orderUpToLevel = orderUpToLevel ?? v.orderUpToLevel
            v.reorderPoint = v.orderUpToLevel
        case .none:
            break
        }
        return v
    }
}
