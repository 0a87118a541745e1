/// What ``ExcessObsolescence/evaluate(_:)`` finds (JSON keys in snake case).
public struct ExcessObsolescenceResult: Codable, Sendable, Hashable {
    /// One input layer's age, excess and provision (in the input's order).
    public struct Layer: Codable, Sendable, Hashable {
        /// The layer's index in the input.
        public var layer: Int
        /// as_of_date − receipt_date in days.
        public var ageDays: Int
        /// The index of its age bucket (0-based).
        public var bucket: Int
        /// The units of the layer counted as excess (oldest layers first).
        public var excessQty: Double
        /// The rate on its excess units.
        public var rateOnExcess: Double
        /// The rate on its other units.
        public var rateOnRest: Double
        /// unit_cost · (excess · rate_on_excess + (qty − excess) · rate_on_rest).
        public var provision: Double
    }

    /// Σ qty.
    public var onHandQty: Double
    /// The sum of the first coverage_months forecast months.
    public var forecastOverCoverage: Double
    /// max(0, on hand − forecast over coverage).
    public var excessQty: Double
    /// Σ excess_i · unit_cost_i.
    public var excessValue: Double
    /// The last N months of history are all without demand (N = obsolete_after_months_without_demand).
    public var obsolete: Bool
    /// Units per age bucket (all stock).
    public var agedQtyByBucket: [Double]
    /// Value per age bucket (all stock).
    public var agedValueByBucket: [Double]
    /// Σ qty · unit_cost.
    public var grossValue: Double
    /// Σ provision_i.
    public var provisionValue: Double
    /// gross − provision.
    public var netValue: Double
    /// Per input layer.
    public var layers: [Layer]
}
