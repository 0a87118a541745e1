public import InventoryCore

/// Everything a plan run produces: the classification, a policy per item-location with its
/// derivation, the forecasts, and the summary.
public struct PlanResult: Sendable {
    /// The snapshot date.
    public var asOf: Day
    /// The settings the plan ran with.
    public var settings: PlanningSettings
    /// The demand estimator's name.
    public var estimator: String
    /// The classification (rows in the same order as ``rows``).
    public var classification: ClassificationReport
    /// One row per item-location, in the snapshot's demand-history order (kept where the parallel
    /// chunks computed them).
    public var rows: ChunkResults<PlanRow>
    /// Buckets of forecast per item-location.
    public var horizonBuckets: Int
    /// Forecasts, row-major: `rows.count × horizonBuckets`.
    public var forecasts: ChunkResults<Double>
    /// Inventory implied vs today, per class; counts.
    public var summary: PlanSummary

    /// The forecast of one row.
    public func forecast(row: Int) -> [Double] {
        Array(forecasts[(row * horizonBuckets)..<((row + 1) * horizonBuckets)])
    }
}
