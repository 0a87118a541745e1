public import Forecasting

/// The backtest of one item-location: the forecasts of the holdout buckets against what was
/// recorded, and the accuracy of both the statistical and the final (adjusted) forecast.
public struct ItemLocationAccuracy: Sendable {
    /// Row in the snapshot's demand history.
    public var row: Int
    /// Index into the snapshot's items.
    public var item: Int32
    /// Index into the snapshot's locations.
    public var location: Int32
    /// The segment it was aggregated in (category, ABC-XYZ class or location id; `all`).
    public var segment: String
    /// The classification at the forecast origin.
    public var classification: ItemLocationClassification
    /// The model that made the forecasts (chosen model, `+seasonal`, or the fallback rule).
    public var model: String
    /// The runner-up of the selection, if any.
    public var runnerUp: ModelName?
    /// Recorded demand of the holdout buckets.
    public var actual: [Double]
    /// The statistical forecasts of those buckets.
    public var statistical: [Double]
    /// The final forecasts (planner adjustments applied; equal to ``statistical`` without any).
    public var final: [Double]
    /// Accuracy of the statistical forecast.
    public var report: AccuracyReport
    /// Accuracy of the final forecast, when adjustments changed at least one holdout bucket.
    public var finalReport: AccuracyReport?
    /// Tracking signal of the statistical forecast and its alert.
    public var trackingSignal: TrackingSignal
    /// The value weight: the item's unit cost.
    public var unitCost: Double
    /// Why the scored forecast is not the one the mode asks for, when it is not: a rolling-origin
    /// backtest whose model could not be re-run at every origin scores the fixed-origin forecast.
    public var note: String? = nil

    /// Value of the absolute error, unit cost × Σ|A − F| — what ranks the items driving the error.
    public var errorValue: Double { unitCost * report.sumAbsoluteError }
}
