public import InventoryCore

/// The window and thresholds of a back-test.
public struct PolicyBacktestOptions: Sendable, Hashable {
    /// The first day replayed (rounded up to the first whole bucket); default: a year of complete
    /// buckets before the snapshot date.
    public var from: Day?
    /// The last day replayed (rounded down to the last whole bucket); default: the last complete bucket.
    public var to: Day?
    /// How far below target still counts as met (share points; default 0.05).
    public var tolerance: Double
    /// Simulated stock above this multiple of the planned average inventory is excess (default 1.5).
    public var excessFactor: Double

    /// Creates options.
    public init(from: Day? = nil, to: Day? = nil, tolerance: Double = 0.05, excessFactor: Double = 1.5) {
        self.from = from
        self.to = to
        self.tolerance = tolerance
        self.excessFactor = excessFactor
    }
}
