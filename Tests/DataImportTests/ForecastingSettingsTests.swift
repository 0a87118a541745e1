import DataImport
import InventoryCore
import Testing

@Suite("settings.yaml: the forecasting section")
struct ForecastingSettingsTests {
    @Test("every forecasting key is read into ForecastingSettings")
    func reads() throws {
        let yaml = """
            forecasting:
              selection_metric: mae
              selection_holdout_buckets: 20
              selection_horizon_buckets: 6
              horizon_buckets: 26
              season_length: 13
              moving_average_window: 4
              plan_selection: full
              outliers: {threshold: 3.5, minimum_count: 10}
              stockouts: {correct: false, censored_share: 0.75, neighbours: 2}
              successor_carry_over: no
              accuracy_holdout_buckets: 8
              mase_period: 52
              tracking_signal_threshold: 6
              apply_adjustments: false
            """
        let settings = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": yaml]) { $1 }).snapshot
            .settings.forecasting
        #expect(settings.selectionMetric == .mae)
        #expect(settings.selectionHoldoutBuckets == 20 && settings.selectionHorizonBuckets == 6)
        #expect(settings.horizonBuckets == 26)
        #expect(settings.seasonLength == 13 && settings.seasonLength(for: .week) == 13)
        #expect(settings.movingAverageWindow == 4)
        #expect(settings.planSelection == .full)
        #expect(settings.outlierThreshold == 3.5 && settings.outlierMinimumCount == 10)
        #expect(settings.correctStockouts == false && settings.stockoutCensoredShare == 0.75 && settings.stockoutNeighbours == 2)
        #expect(settings.successorCarryOver == false)
        #expect(settings.accuracyHoldoutBuckets == 8 && settings.masePeriod == 52)
        #expect(settings.trackingSignalThreshold == 6)
        #expect(settings.applyAdjustments == false)
    }

    @Test("defaults: season length by bucket, outliers at 4, adjustments on; none and auto are accepted")
    func defaults() throws {
        let defaults = ForecastingSettings()
        #expect(
            defaults.seasonLength(for: .week) == 52 && defaults.seasonLength(for: .month) == 12
                && defaults.seasonLength(for: .day) == 7)
        #expect(defaults.selectionMetric == .rmse && defaults.selectionHoldoutBuckets == 26 && defaults.horizonBuckets == 12)
        #expect(defaults.outlierThreshold == 4 && defaults.applyAdjustments && defaults.planSelection == .fast)
        let yaml = "forecasting: {season_length: auto, outliers: {threshold: none}}\n"
        let settings = try ImportTestFolder.load(ImportTestFolder.minimal.merging(["settings.yaml": yaml]) { $1 }).snapshot
            .settings.forecasting
        #expect(settings.seasonLength == nil && settings.outlierThreshold == nil)
    }

    @Test("wrong forecasting values name the key path")
    func errors() throws {
        #expect(
            try SettingsTests.errors(
                """
                forecasting:
                  selection_metric: r2
                  selection_holdout_buckets: 0
                  season_length: weekly
                  plan_selection: quick
                  outliers: {threshold: -1}
                  stockouts: {censored_share: 1.5}
                  tracking_signal_threshold: 0
                  apply_adjustments: maybe
                """) == [
                    "settings.yaml: forecasting.selection_metric — expected one of mae, rmse, mape, smape, wape, mase, bias, got r2",
                    "settings.yaml: forecasting.selection_holdout_buckets — expected a whole number ≥ 1, got 0",
                    "settings.yaml: forecasting.season_length — expected a whole number ≥ 1, got weekly",
                    "settings.yaml: forecasting.plan_selection — expected one of full, fast, got quick",
                    "settings.yaml: forecasting.outliers.threshold — expected a number of robust standard deviations > 0, or none for no capping, got -1",
                    "settings.yaml: forecasting.stockouts.censored_share — expected a share in (0, 1], got 1.5",
                    "settings.yaml: forecasting.tracking_signal_threshold — expected a number > 0, got 0",
                    "settings.yaml: forecasting.apply_adjustments — expected true or false, got maybe",
                ])
    }

    @Test("an unknown forecasting key is a warning, not an error")
    func unknownKey() throws {
        let warnings = try ImportTestFolder.warnings(["settings.yaml": "forecasting: {selection_metrc: mae}\n"])
        #expect(warnings.contains { $0.contains("forecasting.selection_metrc") }, "\(warnings)")
    }
}
