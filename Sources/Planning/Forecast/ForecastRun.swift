public import Forecasting
public import InventoryCore

/// Forecasts of the item-locations of a snapshot: the data-level side of `procura forecast DATA`.
///
/// 1. ``ClassificationRun`` classifies every item-location; its demand pattern chooses the
///    candidate models (``Forecasting/SelectionContext/pattern``).
/// 2. Per item-location, in parallel chunks: the complete buckets of history cleaned
///    (``ForecastHistories``: successor carry-over, stock-out correction, outlier cap, every
///    correction listed); the automatic selection (``Forecasting/AutoSelector``) or the named model
///    fitted from the first demand on; the statistical forecast for the horizon; the planner's
///    adjustments from `overrides.csv` (``ForecastAdjustmentWindow``) giving the final forecast; σ₁
///    of the one-step in-sample errors and σ over the lead time and over the protection interval
///    (``Forecasting/LeadTimeForecastError``).
///
/// Pure over the snapshot; every row is computed by exactly one chunk, so the result does not
/// depend on the number of cores.
public enum ForecastRun {
    /// Options of a run.
    public struct Configuration: Sendable {
        /// The model (default automatic selection).
        public var model: ForecastModelChoice
        /// Buckets to forecast (`nil`: `forecasting.horizon_buckets`, default 12).
        public var horizon: Int?
        /// Only this item (its id), at every location unless ``locationID`` is given.
        public var itemID: String?
        /// Only this location (its id).
        public var locationID: String?
        /// Number of parallel chunks (`nil`: a few per core).
        public var chunks: Int?
        /// Where the run reports the item-locations forecast (step `forecasting`).
        public var progress: any ProgressReporter

        /// Creates a configuration.
        public init(
            model: ForecastModelChoice = .auto, horizon: Int? = nil, itemID: String? = nil, locationID: String? = nil,
            chunks: Int? = nil, progress: any ProgressReporter = SilentProgress()
        ) {
            self.model = model
            self.horizon = horizon
            self.itemID = itemID
            self.locationID = locationID
            self.chunks = chunks
            self.progress = progress
        }
    }

    /// Runs the forecasts.
    public static func run(snapshot: Snapshot, configuration: Configuration = .init()) async throws(ForecastRunError)
        -> ForecastRunReport
    {
        let horizon = configuration.horizon ?? snapshot.settings.forecasting.horizonBuckets
        guard horizon >= 1 else {
            throw ForecastRunError(.invalidHorizon, "--horizon \(horizon) — expected a number of buckets ≥ 1")
        }
        let rows = try selectRows(snapshot: snapshot, itemID: configuration.itemID, locationID: configuration.locationID)
        let classification = await ClassificationRun.run(snapshot: snapshot)
        let context = ForecastContext(snapshot: snapshot, classification: classification.rows, model: configuration.model)
        let counter = ProgressCounter(
            configuration.progress, step: PlanningStep.forecasting.rawValue, total: rows.count, unit: "item-locations")
        let forecasts = await ConcurrentChunks.map(
            count: rows.count, chunks: chunkCount(configuration.chunks, rows: rows.count), progress: counter
        ) {
            context.forecast(row: rows[$0], horizon: horizon).forecast
        }
        let demand = snapshot.demand
        return ForecastRunReport(
            asOf: snapshot.asOf, calendar: demand.calendar, firstHistoryBucket: demand.firstBucket,
            firstForecastBucket: demand.firstBucket + Int32(demand.completeBucketCount), horizon: horizon,
            model: configuration.model, selector: context.selector.configuration, forecasts: forecasts)
    }

    /// The selection's settings from a data set's settings: the `forecasting` section's metric,
    /// holdout, scored horizon, moving-average window and season length (by bucket), the
    /// classification's ADI and CV² cut-offs, fitted values on (σ₁ is computed from them).
    /// ``InventoryCore/ForecastingSettings/PlanSelection/fast`` narrows it for the plan run: see
    /// ``ForecastDemandEstimator``.
    public static func selectorConfiguration(
        settings: PlanningSettings, selection: ForecastingSettings.PlanSelection = .full
    ) -> AutoSelector.Configuration {
        let f = settings.forecasting
        var c = AutoSelector.Configuration()
        c.seasonLength = f.seasonLength(for: settings.bucket)
        c.holdout = f.selectionHoldoutBuckets
        c.horizon = f.selectionHorizonBuckets
        c.metric = f.selectionMetric
        c.movingAverageWindow = f.movingAverageWindow
        c.classifier = DemandPatternClassifier(
            adiCutoff: settings.classification.adiCutoff, cv2Cutoff: settings.classification.cv2Cutoff)
        c.fittedValues = true
        if selection == .fast { ForecastDemandEstimator.narrow(&c) }
        return c
    }

    /// The rows of the item and location filters (all rows without filters), in history order.
    static func selectRows(snapshot: Snapshot, itemID: String?, locationID: String?) throws(ForecastRunError) -> [Int] {
        let demand = snapshot.demand
        guard demand.completeBucketCount > 0 else {
            throw ForecastRunError(
                .noHistory,
                "the demand history has no complete \(snapshot.settings.bucket.rawValue) before the snapshot date \(snapshot.asOf) — nothing to forecast from"
            )
        }
        var item: Int32?
        var location: Int32?
        if let itemID {
            guard let i = snapshot.itemIndex(id: itemID) else {
                throw ForecastRunError(
                    .unknownItem, "--item '\(itemID)': no such item in items.csv — check the item_id (ids are case-sensitive)")
            }
            item = i
        }
        if let locationID {
            guard let l = snapshot.locationIndex(id: locationID) else {
                throw ForecastRunError(
                    .unknownLocation,
                    "--location '\(locationID)': no such location — check the location_id (ids are case-sensitive)")
            }
            location = l
        }
        let rows = demand.series.indices.filter { r in
            (item == nil || demand.series[r].item == item) && (location == nil || demand.series[r].location == location)
        }
        if rows.isEmpty {
            switch (itemID, locationID) {
            case (let i?, let l?):
                throw ForecastRunError(
                    .noHistory,
                    "item '\(i)' has no demand history at location '\(l)' (no row in demand.csv) — nothing to forecast")
            case (let i?, nil):
                throw ForecastRunError(
                    .noHistory, "item '\(i)' has no demand history (no row in demand.csv) — nothing to forecast")
            case (nil, let l?):
                throw ForecastRunError(
                    .noHistory, "location '\(l)' has no demand history (no row in demand.csv) — nothing to forecast")
            case (nil, nil):
                throw ForecastRunError(.noHistory, "demand.csv holds no item-location — nothing to forecast")
            }
        }
        return rows
    }

    /// Chunks for `rows` series: the given number, or about 64 series per chunk (selection is
    /// slow enough per series that small chunks balance the cores well).
    static func chunkCount(_ given: Int?, rows: Int) -> Int {
        given ?? ConcurrentChunks.defaultChunkCount(for: rows, minimumChunkSize: 64)
    }
}
