public import Forecasting
public import InventoryCore

/// What a forecast run produces: one ``ItemLocationForecast`` per item-location selected, and the
/// calendar to date the buckets.
public struct ForecastRunReport: Sendable {
    /// The snapshot date.
    public var asOf: Day
    /// The bucket calendar.
    public var calendar: BucketCalendar
    /// Absolute bucket of the history's column 0 (dates of corrections).
    public var firstHistoryBucket: Int32
    /// Absolute bucket of the first forecast bucket: the one after the last complete bucket.
    public var firstForecastBucket: Int32
    /// Buckets forecast.
    public var horizon: Int
    /// The model used.
    public var model: ForecastModelChoice
    /// The selection's settings (metric, holdout, horizon scored, season length, candidates).
    public var selector: AutoSelector.Configuration
    /// One forecast per item-location, in the snapshot's demand-history order.
    public var forecasts: [ItemLocationForecast]

    /// First day of forecast bucket `k` (0 = the first).
    public func forecastBucketStart(_ k: Int) -> Day { calendar.firstDay(ofBucket: firstForecastBucket + Int32(k)) }

    /// First day of history column `column`.
    public func historyBucketStart(_ column: Int) -> Day { calendar.firstDay(ofBucket: firstHistoryBucket + Int32(column)) }
}
