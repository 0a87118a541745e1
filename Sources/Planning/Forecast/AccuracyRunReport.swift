public import Forecasting
public import InventoryCore

/// What a backtest produces: per item-location accuracy, the value-weighted aggregate per segment
/// and overall, the items driving the error, and the forecast value added of adjustments.
public struct AccuracyRunReport: Sendable {
    /// An item-location's share of the absolute error value of its segment (or of all).
    public struct Driver: Hashable, Sendable {
        /// Index into ``AccuracyRunReport/items``.
        public var index: Int
        /// Unit cost × Σ|A − F|.
        public var errorValue: Double
        /// Share of the segment's (or the total) error value, 0…1.
        public var share: Double
    }

    /// A segment's aggregate and its drivers.
    public struct Segment: Sendable {
        /// Value-weighted aggregate (``Forecasting/SegmentAccuracy``).
        public var accuracy: SegmentAccuracy
        /// Item-locations with a tracking-signal alert.
        public var trackingAlerts: Int
        /// The item-locations with the largest error value, largest first.
        public var drivers: [Driver]
    }

    /// Forecast value added of the planner's adjustments over the item-locations they touched in
    /// the holdout: value-weighted WAPE of the statistical and of the final forecast.
    public struct ValueAdded: Hashable, Sendable {
        /// Item-locations with an adjustment in the holdout.
        public var itemLocations: Int
        /// WAPE of the statistical forecast, percent.
        public var statisticalWAPE: Double?
        /// WAPE of the final forecast, percent.
        public var finalWAPE: Double?
        /// statistical − final (positive: the adjustments helped).
        public var added: Double? {
            guard let statisticalWAPE, let finalWAPE else { return nil }
            return statisticalWAPE - finalWAPE
        }
    }

    /// The snapshot date.
    public var asOf: Day
    /// The bucket calendar.
    public var calendar: BucketCalendar
    /// Absolute bucket of the first holdout bucket (the forecast origin is its first day).
    public var firstHoldoutBucket: Int32
    /// Buckets held out.
    public var holdout: Int
    /// Fixed origin (N steps ahead from one origin) or rolling one-step.
    public var mode: AccuracyRun.Mode
    /// The model backtested.
    public var model: ForecastModelChoice
    /// The selection's settings (`full` or the plan run's `fast`).
    public var selection: ForecastingSettings.PlanSelection
    /// How the item-locations were grouped (`nil`: one segment, `all`).
    public var segmentation: AccuracyRun.Segmentation?
    /// Seasonal period of the MASE scale.
    public var masePeriod: Int
    /// The tracking-signal alert threshold.
    public var trackingSignalThreshold: Double
    /// One entry per item-location, in the snapshot's demand-history order.
    public var items: [ItemLocationAccuracy]
    /// Per segment, sorted by key.
    public var segments: [Segment]
    /// All item-locations together.
    public var total: Segment
    /// Forecast value added, when adjustments touched the holdout.
    public var valueAdded: ValueAdded?

    /// The forecast origin: the first day of the first holdout bucket.
    public var origin: Day { calendar.firstDay(ofBucket: firstHoldoutBucket) }
    /// First day of holdout bucket `k`.
    public func holdoutBucketStart(_ k: Int) -> Day { calendar.firstDay(ofBucket: firstHoldoutBucket + Int32(k)) }
}
