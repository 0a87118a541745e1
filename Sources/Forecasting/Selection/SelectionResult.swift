public import InventoryCore

/// The outcome of the automatic selection for one series.
public struct SelectionResult: Sendable {
    /// How one candidate scored on the rolling-origin holdout.
    public struct Candidate: Sendable {
        /// The model.
        public var model: ModelName
        /// Whether it was run on seasonally adjusted data.
        public var seasonallyAdjusted: Bool
        /// Its holdout score (lower is better); `nil` when it could not be fitted.
        public var score: Double?
        /// The parameters fitted on the training part.
        public var parameters: ModelParameters
        /// Why it could not be fitted.
        public var failure: String?
    }

    /// Why the selection did not (only) score candidates.
    public enum Fallback: String, Sendable, Hashable {
        /// No demand at all: forecast 0 (or the estimate/profile when given).
        case noDemand = "no_demand"
        /// Too little history: the planner's estimate is used.
        case plannerEstimate = "planner_estimate"
        /// Too little history: the category profile is used.
        case categoryProfile = "category_profile"
        /// Too little history and no estimate: mean of the buckets since the first demand.
        case shortHistoryAverage = "short_history_average"
        /// Enough history to fit but not to hold out: the pattern's default model, unscored.
        case patternDefault = "pattern_default"
    }

    /// Lifecycle signals for the planner.
    public enum Flag: String, Sendable, Hashable {
        /// Declared phase-out (lifecycle `phase_out`).
        case phaseOut = "phase_out"
        /// No demand in the last ``AutoSelector/Configuration/dyingWindow`` buckets after earlier demand.
        case dying
        /// Demand in the last window below ``AutoSelector/Configuration/decliningRatio`` of the window before.
        case declining
        /// Fewer buckets since the first demand than ``AutoSelector/Configuration/minimumHistory``.
        case newItem = "new_item"
    }

    /// The demand pattern of the series.
    public var pattern: DemandPattern
    /// The chosen model; `nil` when a fallback value (estimate, profile, zero) is used instead.
    public var chosen: ModelName?
    /// Whether the chosen model runs on seasonally adjusted data.
    public var seasonallyAdjusted: Bool
    /// The seasonal indices used when adjusted.
    public var seasonalAdjustment: SeasonalAdjustment?
    /// The chosen model fitted to the whole series.
    public var fit: FittedForecast
    /// The second-best candidate.
    public var runnerUp: ModelName?
    /// Every candidate and its score, in the order tried.
    public var candidates: [Candidate]
    /// The scoring metric.
    public var metric: AccuracyMetric
    /// The fallback rule applied, if any.
    public var fallback: Fallback?
    /// Lifecycle flags.
    public var flags: [Flag]
    /// Number of observations used (from the first demand on).
    public var observationCount: Int
    /// Index of the first bucket used (the first demand; earlier buckets are left out).
    public var historyStart: Int = 0

    /// Whether forecasts are floored at 0 (the history had no negative values).
    public var nonNegative: Bool = true

    /// A result that forecasts a constant by a fallback rule (no model chosen, no candidates).
    public static func constant(
        _ value: Double, fallback: Fallback, pattern: DemandPattern, flags: [Flag] = [], observationCount: Int,
        metric: AccuracyMetric = .rmse
    ) -> SelectionResult {
        let fit = FittedForecast(
            model: .auto, parameters: ModelParameters(["level": value]), fitted: [], path: .constant(value),
            method: "fallback: \(fallback.rawValue)")
        return SelectionResult(
            pattern: pattern, chosen: nil, seasonallyAdjusted: false, seasonalAdjustment: nil, fit: fit, runnerUp: nil,
            candidates: [], metric: metric, fallback: fallback, flags: flags, observationCount: observationCount)
    }

    /// Point forecasts for horizons 1…h: seasonality put back when adjusted, and floored at 0 when
    /// the history is non-negative (demand cannot be negative; a trend or an additive index
    /// extrapolated below 0 would otherwise leak into order quantities).
    public func forecast(h: Int) -> [Double] {
        var f = fit.forecast(h: h)
        if seasonallyAdjusted, let seasonalAdjustment { f = seasonalAdjustment.reseasonalize(f, startingAt: observationCount) }
        return nonNegative ? f.map { max($0, 0) } : f
    }
}
