/// Observations about a policy a planner should know, each with a stable code.
public struct PolicyNotes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// No sourcing: the default lead time was assumed.
    public static let noSourcing = PolicyNotes(rawValue: 1 << 0)
    /// Supplier shares did not sum to 1 and were scaled.
    public static let sharesNormalized = PolicyNotes(rawValue: 1 << 1)
    /// A supplier's price breaks were unusable and ignored.
    public static let priceBreaksIgnored = PolicyNotes(rawValue: 1 << 2)
    /// A supplier's MOQ alone exceeds what is used within the shelf life.
    public static let minimumOrderExceedsShelfLife = PolicyNotes(rawValue: 1 << 3)
    /// The order quantity was cut to the shelf life.
    public static let orderQuantityCappedByShelfLife = PolicyNotes(rawValue: 1 << 4)
    /// The safety stock hit the days-of-supply cap.
    public static let safetyStockCappedAtMaximumDays = PolicyNotes(rawValue: 1 << 5)
    /// The safety stock was cut to the shelf life's demand.
    public static let safetyStockCappedByShelfLife = PolicyNotes(rawValue: 1 << 6)
    /// The method gave a negative safety stock; 0 used.
    public static let safetyStockFloored = PolicyNotes(rawValue: 1 << 7)
    /// A vital item without demand has no stock policy: check whether it needs insurance stock.
    public static let vitalWithoutDemand = PolicyNotes(rawValue: 1 << 8)
    /// The configured distribution did not fit: gamma needs a positive mean and σ (normal used).
    public static let distributionFallback = PolicyNotes(rawValue: 1 << 9)
    /// A demand figure was negative or not a number and 0 was used.
    public static let invalidDemand = PolicyNotes(rawValue: 1 << 10)
    /// The unit price is 0, so holding costs nothing: the lot is a year's demand.
    public static let noHoldingCost = PolicyNotes(rawValue: 1 << 11)
    /// A fill-rate target had no lot to refer to; the cycle service level was used.
    public static let fillRateWithoutLot = PolicyNotes(rawValue: 1 << 12)
    /// Under (R,S) the MOQ or multiple raises the order above the demand per review: the position
    /// overshoots S; (R,s,S) fits such items better.
    public static let orderAboveReviewDemand = PolicyNotes(rawValue: 1 << 13)
    /// The safety-stock method could not give a level (its inputs were outside its domain, or the
    /// level was not finite): the reorder level is the expected demand; the explanation says why.
    public static let safetyStockMethodFailed = PolicyNotes(rawValue: 1 << 14)
    /// The receipts' lead times have drifted from the catalog's: the plan proposes the safety
    /// stock and reorder point they imply (``PolicyResult/leadTimeProposal``).
    public static let leadTimeDrift = PolicyNotes(rawValue: 1 << 15)
    /// A `jit_kanban` item-location whose loop could not be sized (e.g. a container that is not a
    /// whole number of units, or too many cards to count): it runs a continuous policy instead.
    public static let kanbanNotSized = PolicyNotes(rawValue: 1 << 16)

    /// Every note with its code and text, in a fixed order.
    public static let catalogue: [(note: PolicyNotes, code: String, text: String)] = [
        (.noSourcing, "no_sourcing", "no sourcing: the default lead time was assumed"),
        (.sharesNormalized, "shares_normalized", "supplier shares did not sum to 1 and were scaled"),
        (.priceBreaksIgnored, "price_breaks_ignored", "price breaks were not increasing or not > 0 and were ignored"),
        (
            .minimumOrderExceedsShelfLife, "moq_exceeds_shelf_life",
            "the minimum order alone exceeds what is used within the shelf life"
        ),
        (
            .orderQuantityCappedByShelfLife, "order_quantity_shelf_life",
            "the order quantity was cut to what is used within the shelf life"
        ),
        (.safetyStockCappedAtMaximumDays, "safety_stock_max_days", "the safety stock was capped at the maximum days of supply"),
        (
            .safetyStockCappedByShelfLife, "safety_stock_shelf_life",
            "the safety stock was cut to the demand within the shelf life"
        ),
        (.safetyStockFloored, "safety_stock_floor", "the method gave a negative safety stock; 0 is used"),
        (
            .vitalWithoutDemand, "vital_without_demand",
            "vital item without demand: no stock policy — check whether it needs insurance stock"
        ),
        (.distributionFallback, "distribution_fallback", "a gamma distribution needs a positive mean and σ; the normal was used"),
        (.invalidDemand, "invalid_demand", "a demand figure was negative or not a number; 0 was used"),
        (.noHoldingCost, "no_holding_cost", "the price is 0, so holding costs nothing: the lot is a year's demand"),
        (.fillRateWithoutLot, "fill_rate_without_lot", "a fill rate needs a lot size; the cycle service level was used"),
        (
            .orderAboveReviewDemand, "order_above_review_demand",
            "the MOQ or multiple raises the (R,S) order above the demand per review; consider (R,s,S)"
        ),
        (
            .safetyStockMethodFailed, "safety_stock_method_failed",
            "the safety-stock method could not give a level; no safety stock was set (the explanation says why)"
        ),
        (
            .leadTimeDrift, "lead_time_drift",
            "observed lead times have drifted from the catalog: a new safety stock and reorder point are proposed"
        ),
        (
            .kanbanNotSized, "kanban_not_sized",
            "the kanban loop could not be sized (a container that is not a whole number of units, or too many cards to count): a continuous policy is used"
        ),
    ]

    /// The codes of the notes set, in catalogue order.
    public var codes: [String] { Self.catalogue.filter { contains($0.note) }.map(\.code) }
    /// The texts of the notes set, in catalogue order.
    public var texts: [String] { Self.catalogue.filter { contains($0.note) }.map(\.text) }
}
