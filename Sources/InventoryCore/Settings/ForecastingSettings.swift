/// The `forecasting` section of `settings.yaml`: how histories are cleaned, how models are selected
/// and scored, the default horizon, the accuracy backtest and how planners' adjustments are
/// handled. Every field has a documented default (docs/forecasting.md lists the rules).
///
/// Keys (all optional): `selection_metric`, `selection_holdout_buckets`,
/// `selection_horizon_buckets`, `horizon_buckets`, `season_length`, `moving_average_window`,
/// `plan_selection`, `outliers.threshold`, `outliers.minimum_count`, `stockouts.correct`,
/// `stockouts.censored_share`, `stockouts.neighbours`, `successor_carry_over`,
/// `accuracy_holdout_buckets`, `mase_period`, `tracking_signal_threshold`, `apply_adjustments`.
public struct ForecastingSettings: Hashable, Sendable {
    /// How much model selection the plan run does per item-location.
    public enum PlanSelection: String, Hashable, Sendable, CaseIterable {
        /// The same selection as `procura forecast` (every candidate of the pattern, the full
        /// holdout and horizon).
        case full
        /// A smaller selection that fits the plan run's time budget for a million item-locations:
        /// fewer candidates per pattern and a shorter holdout (docs/forecasting.md, "The plan run").
        case fast
    }

    /// The metric candidates are scored on in the rolling-origin holdout (default RMSE: squared
    /// error is minimised by the mean, which replenishment needs).
    public var selectionMetric: AccuracyMetric
    /// Buckets at the end of the history held out to score candidates (default 26; at most a
    /// third of the history is used).
    public var selectionHoldoutBuckets: Int
    /// Steps ahead scored from each origin of the holdout (default 12).
    public var selectionHorizonBuckets: Int
    /// Buckets `procura forecast` forecasts when `--horizon` is not given (default 12).
    public var horizonBuckets: Int
    /// Season length m for the seasonal test and adjustment; `nil` (default) follows the bucket:
    /// 52 for weeks, 12 for months, 7 for days. 1 turns seasonal adjustment off.
    public var seasonLength: Int?
    /// Window of the moving-average candidate, and of `--model moving-average` without `--window`
    /// (default 8).
    public var movingAverageWindow: Int
    /// The plan run's selection (default fast).
    public var planSelection: PlanSelection
    /// Outlier cap: median + threshold · 1.4826 · MAD (default 4; `nil`: no capping).
    public var outlierThreshold: Double?
    /// Fewest reference values for the outlier cap (default 8).
    public var outlierMinimumCount: Int
    /// Whether demand in buckets with stock-out days is re-estimated (default true).
    public var correctStockouts: Bool
    /// Share of a bucket's days out of stock from which it counts as censored (default 0.5).
    public var stockoutCensoredShare: Double
    /// Uncensored buckets on each side averaged for a censored bucket (default 4).
    public var stockoutNeighbours: Int
    /// Whether a phased-out item's history is added to its successor's (default true).
    public var successorCarryOver: Bool
    /// Buckets `procura accuracy` holds out when `--holdout` is not given (default 13).
    public var accuracyHoldoutBuckets: Int
    /// Seasonal period of the MASE scale (default 1: the naive forecast's in-sample error).
    public var masePeriod: Int
    /// A tracking signal beyond ± this raises an alert (default 4).
    public var trackingSignalThreshold: Double
    /// Whether `forecast_per_bucket` and `forecast_uplift` rows of `overrides.csv` adjust the
    /// forecast of `procura forecast` and `procura accuracy` (default true; false reports the
    /// statistical forecast only). The plan run applies them through the policy engine.
    public var applyAdjustments: Bool

    /// The defaults.
    public init(
        selectionMetric: AccuracyMetric = .rmse,
        selectionHoldoutBuckets: Int = 26,
        selectionHorizonBuckets: Int = 12,
        horizonBuckets: Int = 12,
        seasonLength: Int? = nil,
        movingAverageWindow: Int = 8,
        planSelection: PlanSelection = .fast,
        outlierThreshold: Double? = 4,
        outlierMinimumCount: Int = 8,
        correctStockouts: Bool = true,
        stockoutCensoredShare: Double = 0.5,
        stockoutNeighbours: Int = 4,
        successorCarryOver: Bool = true,
        accuracyHoldoutBuckets: Int = 13,
        masePeriod: Int = 1,
        trackingSignalThreshold: Double = 4,
        applyAdjustments: Bool = true
    ) {
        self.selectionMetric = selectionMetric
        self.selectionHoldoutBuckets = selectionHoldoutBuckets
        self.selectionHorizonBuckets = selectionHorizonBuckets
        self.horizonBuckets = horizonBuckets
        self.seasonLength = seasonLength
        self.movingAverageWindow = movingAverageWindow
        self.planSelection = planSelection
        self.outlierThreshold = outlierThreshold
        self.outlierMinimumCount = outlierMinimumCount
        self.correctStockouts = correctStockouts
        self.stockoutCensoredShare = stockoutCensoredShare
        self.stockoutNeighbours = stockoutNeighbours
        self.successorCarryOver = successorCarryOver
        self.accuracyHoldoutBuckets = accuracyHoldoutBuckets
        self.masePeriod = masePeriod
        self.trackingSignalThreshold = trackingSignalThreshold
        self.applyAdjustments = applyAdjustments
    }

    /// The season length for a bucket size: ``seasonLength`` when set, else 52 (week), 12 (month)
    /// or 7 (day).
    public func seasonLength(for bucket: BucketSize) -> Int {
        if let seasonLength { return seasonLength }
        switch bucket {
        case .day: return 7
        case .week: return 52
        case .month: return 12
        }
    }
}
