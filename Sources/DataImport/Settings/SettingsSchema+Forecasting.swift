import InventoryCore
import Yams

extension SettingsSchema {
    /// `forecasting.*`: selection metric and holdout, horizon, season length, history cleaning
    /// (outliers, stock-outs, successors), the accuracy backtest and adjustments
    /// (docs/forecasting.md lists the defaults).
    static var forecastingKeys: [SettingsKey] {
        [
            .choice("forecasting.selection_metric", \.forecasting.selectionMetric),
            .wholeNumber("forecasting.selection_holdout_buckets", \.forecasting.selectionHoldoutBuckets, minimum: 1),
            .wholeNumber("forecasting.selection_horizon_buckets", \.forecasting.selectionHorizonBuckets, minimum: 1),
            .wholeNumber("forecasting.horizon_buckets", \.forecasting.horizonBuckets, minimum: 1),
            SettingsKey("forecasting.season_length") { value, settings throws(SettingsProblem) in
                // `auto` (or empty) follows the bucket; 1 turns seasonal adjustment off.
                if case .scalar(let scalar) = value.node, scalar.string.lowercased() == "auto" {
                    settings.forecasting.seasonLength = nil
                } else {
                    settings.forecasting.seasonLength = try value.wholeNumber(minimum: 1)
                }
            },
            .wholeNumber("forecasting.moving_average_window", \.forecasting.movingAverageWindow, minimum: 1),
            .choice("forecasting.plan_selection", \.forecasting.planSelection),
            SettingsKey("forecasting.outliers.threshold") { value, settings throws(SettingsProblem) in
                if case .scalar(let scalar) = value.node, scalar.string.lowercased() == "none" {
                    settings.forecasting.outlierThreshold = nil
                } else {
                    settings.forecasting.outlierThreshold = try value.number(
                        expected: "a number of robust standard deviations > 0, or none for no capping"
                    ) { $0 > 0 }
                }
            },
            .wholeNumber("forecasting.outliers.minimum_count", \.forecasting.outlierMinimumCount, minimum: 1),
            .flag("forecasting.stockouts.correct", \.forecasting.correctStockouts),
            .number("forecasting.stockouts.censored_share", \.forecasting.stockoutCensoredShare, expected: "a share in (0, 1]") {
                $0 > 0 && $0 <= 1
            },
            .wholeNumber("forecasting.stockouts.neighbours", \.forecasting.stockoutNeighbours, minimum: 1),
            .flag("forecasting.successor_carry_over", \.forecasting.successorCarryOver),
            .wholeNumber("forecasting.accuracy_holdout_buckets", \.forecasting.accuracyHoldoutBuckets, minimum: 1),
            .wholeNumber("forecasting.mase_period", \.forecasting.masePeriod, minimum: 1),
            .number("forecasting.tracking_signal_threshold", \.forecasting.trackingSignalThreshold, expected: "a number > 0") {
                $0 > 0
            },
            .flag("forecasting.apply_adjustments", \.forecasting.applyAdjustments),
        ]
    }
}
