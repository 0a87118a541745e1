/// The effect of a change set per item-location (docs/changesets.md, "Preview"): the plan engine's
/// policy for the affected item-locations on today's data and on the data as it would be after
/// the change set, side by side; nothing is written to the ledger.
public struct ChangeSetPreview: Sendable, Hashable, Codable {
    /// One item-location's figures in one of the two states.
    public struct Figures: Sendable, Hashable, Codable {
        /// Owned stock on hand, base units.
        public var onHand: Double
        /// Its value at the unit cost.
        public var inventoryValue: Double
        /// Safety stock of the policy (`nil`: not planned — a closed location).
        public var safetyStock: Double?
        /// Reorder point of the policy.
        public var reorderPoint: Double?
        /// Service level target of the policy (0…1).
        public var serviceLevel: Double?
        /// Forecast demand per bucket the policy uses.
        public var forecastPerBucket: Double?

        /// Nothing: no stock, not planned.
        public static let none = Figures(
            onHand: 0, inventoryValue: 0, safetyStock: nil, reorderPoint: nil, serviceLevel: nil, forecastPerBucket: nil)
    }

    /// One affected item-location.
    public struct Line: Sendable, Hashable, Codable {
        public var itemID: String
        public var locationID: String
        public var before: Figures
        public var after: Figures
    }

    /// Sums over the lines.
    public struct Totals: Sendable, Hashable, Codable {
        /// Item-locations affected.
        public var lines: Int
        /// Stock value before and after.
        public var inventoryValueBefore: Double
        public var inventoryValueAfter: Double
        /// Safety stock valued at unit cost, before and after.
        public var safetyStockValueBefore: Double
        public var safetyStockValueAfter: Double
        /// Transfers apply would post (one out and one in per position moved).
        public var transfers: Int
    }

    /// No lines.
    public static let empty = ChangeSetPreview(
        asOf: "", lines: [],
        totals: Totals(
            lines: 0, inventoryValueBefore: 0, inventoryValueAfter: 0, safetyStockValueBefore: 0, safetyStockValueAfter: 0,
            transfers: 0))

    /// The data date the preview was computed on.
    public var asOf: String
    /// The affected item-locations, by item and location.
    public var lines: [Line]
    /// Their sums.
    public var totals: Totals
}
