public import InventoryCore

/// Everything a classification run produces.
public struct ClassificationReport: Sendable {
    /// The snapshot date.
    public var asOf: Day
    /// First day of the window the statistics looked at.
    public var windowStart: Day
    /// Buckets in the window.
    public var windowBuckets: Int
    /// Bucket size.
    public var bucket: BucketSize
    /// One row per item-location, in the snapshot's demand-history order.
    public var rows: [ItemLocationClassification]
    /// The ABC-XYZ matrix and counts.
    public var summary: ClassificationSummary
    /// Class changes and held changes against the previous classification (empty without one).
    public var moves: [ClassMove]
    /// Whether a previous classification was given.
    public var comparedWithPrevious: Bool
    /// Kraljic segment per supplier (snapshot order).
    public var suppliers: [SupplierClassification]
}
