import Forecasting
public import InventoryCore

/// The forecast backtest behind `procura accuracy`: hold out the last N complete buckets, forecast
/// them from the history before, and compare with what was recorded.
///
/// 1. The snapshot is cut at the origin T − N (``InventoryCore/Snapshot/atPlanningDate(_:)``):
///    classification, history cleaning, selection and adjustment windows see only the data before
///    it — no look-ahead.
/// 2. Per item-location, in parallel chunks, the forecasts of the N holdout buckets:
///    - ``Mode/rolling`` (default, the model's view): one step ahead from every origin
///      T − N, …, T − 1 with the model selected and estimated at T − N, its state updated with each
///      recorded bucket (cleaned training history, then the recorded holdout demand; rolling origin
///      without re-estimation, Tashman 2000);
///    - ``Mode/fixed`` (the planner's view): 1…N steps ahead from the single origin T − N.
/// 3. Planner adjustments whose window covers holdout buckets apply to those forecasts (final
///    forecast); the statistical forecast is what the models are judged on, and the forecast value
///    added compares both where adjustments exist.
/// 4. Metrics per item-location against the *recorded* demand (``Forecasting/AccuracyReport``: MAE,
///    RMSE, MAPE over non-zero actuals only, sMAPE, WAPE, MASE scaled by the cleaned training
///    history's in-sample seasonal-naive error, bias, tracking signal); aggregated value-weighted by
///    unit cost per segment (``Forecasting/SegmentAccuracy``); the items driving the error ranked
///    by unit cost × Σ|A − F|.
public enum AccuracyRun {
    /// Where the holdout forecasts are made from.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// N steps ahead from one origin (what a planner saw at T − N).
        case fixed
        /// One step ahead from each origin (what the model does bucket by bucket).
        case rolling
    }

    /// How item-locations are grouped.
    public enum Segmentation: String, Sendable, Hashable, CaseIterable {
        /// Item category (`items.csv`).
        case category
        /// ABC-XYZ class at the origin.
        case `class`
        /// Location.
        case location
    }

    /// Options of a backtest.
    public struct Configuration: Sendable {
        /// Buckets held out (`nil`: `forecasting.accuracy_holdout_buckets`, default 13).
        public var holdout: Int?
        /// Rolling one-step (default) or fixed origin.
        public var mode: Mode
        /// The model (default automatic selection).
        public var model: ForecastModelChoice
        /// Segments (`nil`: all together).
        public var segmentation: Segmentation?
        /// Only this item.
        public var itemID: String?
        /// Only this location.
        public var locationID: String?
        /// Drivers listed per segment and overall.
        public var topDrivers: Int
        /// The automatic selection's settings: `full` (as `procura forecast`, default) or `fast`
        /// (as the plan run, ``ForecastDemandEstimator/narrow(_:)``).
        public var selection: ForecastingSettings.PlanSelection
        /// Number of parallel chunks (`nil`: a few per core).
        public var chunks: Int?
        /// Where the run reports the item-locations backtested (step `backtesting`).
        public var progress: any ProgressReporter

        /// Creates a configuration.
        public init(
            holdout: Int? = nil, mode: Mode = .rolling, model: ForecastModelChoice = .auto, segmentation: Segmentation? = nil,
            itemID: String? = nil, locationID: String? = nil, topDrivers: Int = 10,
            selection: ForecastingSettings.PlanSelection = .full, chunks: Int? = nil,
            progress: any ProgressReporter = SilentProgress()
        ) {
            self.progress = progress
            self.holdout = holdout
            self.mode = mode
            self.model = model
            self.segmentation = segmentation
            self.itemID = itemID
            self.locationID = locationID
            self.topDrivers = topDrivers
            self.selection = selection
            self.chunks = chunks
        }
    }

    /// Runs the backtest.
    public static func run(snapshot: Snapshot, configuration: Configuration = .init()) async throws(ForecastRunError)
        -> AccuracyRunReport
    {
        let settings = snapshot.settings.forecasting
        let demand = snapshot.demand
        let complete = demand.completeBucketCount
        let n = configuration.holdout ?? settings.accuracyHoldoutBuckets
        let bucketName = snapshot.settings.bucket.rawValue
        guard n >= 1 else { throw ForecastRunError(.holdoutTooLong, "--holdout \(n) — expected a number of buckets ≥ 1") }
        guard n < complete else {
            let span =
                complete > 0
                ? " (\(demand.firstDay(ofColumn: 0)) … \(demand.firstDay(ofColumn: complete - 1)))" : ""
            throw ForecastRunError(
                .holdoutTooLong,
                "--holdout \(n) is not shorter than the history: \(complete) complete \(bucketName)s\(span) — use at most \(max(0, complete - 1)), and leave enough to fit on"
            )
        }
        let rows = try ForecastRun.selectRows(
            snapshot: snapshot, itemID: configuration.itemID, locationID: configuration.locationID)
        let origin = demand.firstDay(ofColumn: complete - n)
        let cut = snapshot.atPlanningDate(origin)
        let classification = await ClassificationRun.run(snapshot: cut)
        let context = ForecastContext(
            snapshot: cut, classification: classification.rows, model: configuration.model, selection: configuration.selection)
        let mode = configuration.mode
        let segmentation = configuration.segmentation
        let threshold = settings.trackingSignalThreshold
        let period = settings.masePeriod

        let counter = ProgressCounter(configuration.progress, step: "backtesting", total: rows.count, unit: "item-locations")
        let items = await ConcurrentChunks.map(
            count: rows.count, chunks: ForecastRun.chunkCount(configuration.chunks, rows: rows.count), progress: counter
        ) {
            k -> ItemLocationAccuracy in
            let r = rows[k]
            let (forecast, training) = context.forecast(row: r, horizon: n)
            let start = r * demand.bucketCount + complete - n
            let actual = Array(demand.quantities[start..<(start + n)])
            var statistical = forecast.statistical
            var note: String?
            if mode == .rolling {
                let model = forecast.failure == nil ? context.model.model() : nil
                do throws(ForecastError) {
                    statistical = try context.selector.rollingForecasts(
                        forecast.selection, model: model, series: training + actual,
                        origins: training.count..<(training.count + n),
                        horizon: 1)
                } catch {
                    note =
                        "the rolling-origin forecasts could not be computed (\(error.message)); the forecast from the cut is scored"
                }
            }
            let adjustments = forecast.adjustments.compactMap(\.adjustment)
            let adjusted = AdjustedForecast(statistical: statistical, adjustments: adjustments)
            let scale = Array(training[min(forecast.selection.historyStart, training.count)...])
            let report = AccuracyReport(actual: actual, forecast: statistical, training: scale, seasonalPeriod: period)
            let item = snapshot.items[Int(forecast.item)]
            return ItemLocationAccuracy(
                row: r, item: forecast.item, location: forecast.location,
                segment: segment(segmentation, item: item, classification: forecast.classification, snapshot: snapshot),
                classification: forecast.classification, model: forecast.modelName, runnerUp: forecast.selection.runnerUp,
                actual: actual, statistical: statistical, final: adjusted.final, report: report,
                finalReport: adjusted.final != statistical
                    ? AccuracyReport(actual: actual, forecast: adjusted.final, training: scale, seasonalPeriod: period) : nil,
                trackingSignal: TrackingSignal(actual: actual, forecast: statistical, threshold: threshold),
                unitCost: item.unitCost, note: note)
        }

        let top = max(0, configuration.topDrivers)
        var segments: [AccuracyRunReport.Segment] = []
        if segmentation != nil {
            let groups = Dictionary(grouping: items.indices) { items[$0].segment }
            segments = groups.keys.sorted().map { key in summarise(key, groups[key] ?? [], items, top: top) }
        }
        let adjustedRows = items.indices.filter { items[$0].finalReport != nil }
        var valueAdded: AccuracyRunReport.ValueAdded?
        if !adjustedRows.isEmpty {
            let statistical = SegmentAccuracy.summarise(
                "statistical", adjustedRows.map { entry(items[$0], index: $0, report: items[$0].report) }, topDrivers: 0)
            let final = SegmentAccuracy.summarise(
                "final", adjustedRows.map { entry(items[$0], index: $0, report: items[$0].finalReport ?? items[$0].report) },
                topDrivers: 0)
            valueAdded = AccuracyRunReport.ValueAdded(
                itemLocations: adjustedRows.count, statisticalWAPE: statistical.wapePercent, finalWAPE: final.wapePercent)
        }
        return AccuracyRunReport(
            asOf: snapshot.asOf, calendar: demand.calendar, firstHoldoutBucket: demand.firstBucket + Int32(complete - n),
            holdout: n,
            mode: mode, model: configuration.model, selection: configuration.selection, segmentation: segmentation,
            masePeriod: period,
            trackingSignalThreshold: threshold, items: items, segments: segments,
            total: summarise("all", Array(items.indices), items, top: top), valueAdded: valueAdded)
    }

    /// The segment key of an item-location.
    static func segment(_ segmentation: Segmentation?, item: Item, classification: ItemLocationClassification, snapshot: Snapshot)
        -> String
    {
        switch segmentation {
        case nil: return "all"
        case .category: return item.category.isEmpty ? "(none)" : item.category
        case .class: return classification.cell.description
        case .location: return snapshot.locations[Int(classification.location)].id
        }
    }

    static func entry(_ item: ItemLocationAccuracy, index: Int, report: AccuracyReport) -> SegmentAccuracy.Entry {
        SegmentAccuracy.Entry(id: String(index), segment: item.segment, weight: item.unitCost, report: report)
    }

    static func summarise(_ key: String, _ indices: [Int], _ items: [ItemLocationAccuracy], top: Int) -> AccuracyRunReport.Segment
    {
        let accuracy = SegmentAccuracy.summarise(
            key, indices.map { entry(items[$0], index: $0, report: items[$0].report) }, topDrivers: 0)
        let total = accuracy.absoluteErrorValue
        let ranked = indices.sorted {
            let a = items[$0].errorValue
            let b = items[$1].errorValue
            return a != b ? a > b : $0 < $1
        }
        let drivers = ranked.prefix(top).map {
            AccuracyRunReport.Driver(
                index: $0, errorValue: items[$0].errorValue, share: total > 0 ? items[$0].errorValue / total : 0)
        }
        return AccuracyRunReport.Segment(
            accuracy: accuracy, trackingAlerts: indices.filter { items[$0].trackingSignal.isAlert }.count, drivers: drivers)
    }
}
