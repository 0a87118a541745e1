public import InventoryCore

/// Automatic model selection for one series by rolling-origin holdout.
///
/// 1. The demand pattern is classified (``DemandPatternClassifier``, Syntetos–Boylan–Croston), or
///    taken from ``SelectionContext/pattern`` when the caller classified the item already.
/// 2. Lifecycle flags: declared phase-out; *dying* when the last ``Configuration/dyingWindow``
///    buckets have no demand after earlier demand; *declining* when the last window's mean is
///    below ``Configuration/decliningRatio`` × the window before; *new item* when fewer than
///    ``Configuration/minimumHistory`` buckets have passed since the first demand.
/// 3. The history is taken from the first demand on (earlier buckets are before the item's
///    introduction; the pattern is classified on that part). Fallbacks, in order: no demand at all → the planner estimate, else the category profile,
///    else 0. New item (fewer than ``Configuration/minimumHistory`` buckets since the first demand) →
///    planner estimate, else category profile, else the mean demand since the first demand. Fewer than ``Configuration/minimumTraining`` buckets before the holdout → the
///    pattern's default model (Croston–SBA for intermittent/lumpy, SES otherwise), unscored.
/// 4. Otherwise (holdout H = min(``Configuration/holdout``, n/3)) each candidate of the pattern (``candidates(for:)``; intermittent and lumpy
///    series always get Croston–SBA, TSB, ADIDA and IMAPA besides SES and a moving average) is fitted
///    to the training part `y[0..<n−H]`, and with its parameters fixed, forecasts 1…``Configuration/horizon``
///    steps ahead from every origin `o = n−H, …, n−1` using the data up to `o` (rolling origin
///    without re-estimation: Tashman 2000, *IJF* 16(4), 437–450, doi:10.1016/S0169-2070(00)00065-0).
///    All (origin, step) errors are scored with ``Configuration/metric``; the lowest score wins
///    (ties: the earlier candidate), and the winner is fitted again to the whole series.
/// 5. Smooth and erratic series that test seasonal at lag m (``SeasonalAdjustment``) are scored
///    both on the raw and on the seasonally adjusted data.
/// 6. With ``Configuration/trendTest``, Holt is scored only when the training part has a linear
///    trend (``TrendTest``).
public struct AutoSelector: Sendable {
    /// Settings of the selection.
    public struct Configuration: Hashable, Sendable {
        /// Season length m (52 for weekly buckets, 12 monthly; 1 = no seasonal adjustment).
        public var seasonLength: Int = 1
        /// Holdout length H (buckets at the end used for scoring).
        public var holdout: Int = 26
        /// Steps ahead scored from each origin.
        public var horizon: Int = 12
        /// Scoring metric. RMSE by default: squared error is minimised by the mean, which is what
        /// replenishment and safety stock need; absolute-error metrics (MAE, WAPE, MASE) reward the
        /// median and so pick forecasts biased low for intermittent demand (Kolassa 2016, *IJF*
        /// 32(3), 788–803, doi:10.1016/j.ijforecast.2015.12.004). Choose `.mae` to minimise WAPE.
        public var metric: AccuracyMetric = .rmse
        /// Buckets since the first demand below which an item counts as new.
        public var minimumHistory: Int = 8
        /// Training buckets (before the holdout) needed to score candidates.
        public var minimumTraining: Int = 12
        /// Window of the dying and declining tests.
        public var dyingWindow: Int = 13
        /// Declining: last-window mean below this share of the previous window's.
        public var decliningRatio: Double = 0.5
        /// Window of the moving-average candidate.
        public var movingAverageWindow: Int = 8
        /// Candidate models per demand pattern (names; see ``AutoSelector/candidates(for:)``).
        public var candidates: [DemandPattern: [ModelName]] = [
            .smooth: [.ses, .holt, .movingAverage],
            .erratic: [.ses, .holt, .movingAverage],
            .intermittent: [.crostonSBA, .tsb, .adida, .imapa, .ses, .movingAverage],
            .lumpy: [.crostonSBA, .tsb, .adida, .imapa, .ses, .movingAverage],
        ]
        /// Whether smooth/erratic series may be seasonally adjusted.
        public var seasonalAdjustment: Bool = true
        /// Whether trend candidates (Holt) are scored only when ``TrendTest`` finds a linear trend
        /// in the training part (default false: always scored). Holt is the costliest candidate
        /// and, on trendless series, mostly fits noise; the plan run's fast selection turns this on.
        public var trendTest: Bool = false
        /// Demand-pattern cut-offs.
        public var classifier = DemandPatternClassifier()
        /// Golden-section tolerance of the candidates' fits (see ``FitOptions/searchTolerance``).
        public var searchTolerance: Double = 1e-4
        /// Whether the final fit computes in-sample fitted values (off for batch runs).
        public var fittedValues: Bool = false
        /// Whether the winner is re-estimated on the whole series (`true`), or its training-part
        /// parameters are applied to the whole series (`false`, default: about half the work, and
        /// the parameters that were actually scored).
        public var refitOnFullSeries: Bool = false
        /// Nelder–Mead settings of the fast ETS fits (tolerance on n·log SSE).
        public var nelderMead = NelderMead.Configuration(tolerance: 1e-2, maxIterations: 500)
        /// Nelder–Mead settings of TSB's two weights (tolerance on the SSE; default
        /// ``NelderMead/Configuration/fitting``).
        public var tsbOptimizer = NelderMead.Configuration.fitting

        /// Default settings.
        public init() {}
    }

    /// The settings.
    public var configuration: Configuration

    /// Creates a selector.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The candidate models for a demand pattern, from ``Configuration/candidates``. Intermittent
    /// and lumpy series always get Croston–SBA and TSB added when missing, so they are never left
    /// with SES/Holt only. Holt is fitted damped with heuristic initial states
    /// (``ExponentialSmoothingModel/Estimation/heuristicStates``), ETS forms without seasonality;
    /// the moving average uses ``Configuration/movingAverageWindow``.
    public func candidates(for pattern: DemandPattern) -> [any ForecastModel] {
        var names = configuration.candidates[pattern] ?? []
        if pattern.isSporadic {
            for required in [ModelName.crostonSBA, .tsb] where !names.contains(required) { names.append(required) }
        }
        return names.compactMap(candidateModel)
    }

    /// The model a candidate name stands for, with this selector's settings (window, season length,
    /// heuristic initial states, optimiser); `nil` for `auto`, and for seasonal models without a
    /// season length.
    public func candidateModel(_ name: ModelName) -> (any ForecastModel)? {
        switch name {
        case .naive: return NaiveModel()
        case .historicAverage: return HistoricAverageModel()
        case .movingAverage: return MovingAverageModel(window: configuration.movingAverageWindow)
        case .seasonalNaive:
            return configuration.seasonLength > 1 ? SeasonalNaiveModel(seasonLength: configuration.seasonLength) : nil
        case .ses: return SimpleExponentialSmoothing()
        case .holt, .ets:
            var model = ExponentialSmoothingModel(
                family: name == .holt ? .holt : .ets, damped: name == .holt ? true : nil, estimation: .heuristicStates)
            model.optimizer = configuration.nelderMead
            return model
        case .holtWinters:
            guard configuration.seasonLength > 1 else { return nil }
            var model = ExponentialSmoothingModel(
                family: .holtWinters(.additive), seasonLength: configuration.seasonLength, damped: true,
                estimation: .heuristicStates)
            model.optimizer = configuration.nelderMead
            return model
        case .croston: return CrostonModel(variant: .classic)
        case .crostonSBA: return CrostonModel(variant: .sba)
        case .crostonOptimized: return CrostonModel(variant: .optimized)
        case .tsb: return TSBModel(optimizer: configuration.tsbOptimizer)
        case .adida: return ADIDAModel()
        case .imapa: return IMAPAModel()
        case .auto: return nil
        }
    }

    /// Selects and fits a model for `y` (oldest first).
    public func select(_ series: [Double], context: SelectionContext = SelectionContext()) throws(ForecastError)
        -> SelectionResult
    {
        try ForecastError.validate(series, model: .auto)
        let c = configuration
        let firstDemand = series.firstIndex { $0 != 0 }
        let flags = lifecycleFlags(series, firstDemand: firstDemand, context: context)
        let fitOptions = FitOptions(fittedValues: false, searchTolerance: c.searchTolerance)
        // History starts at the first demand: earlier buckets are before the item was introduced.
        let start = firstDemand ?? 0
        let y = start == 0 ? series : Array(series[start...])
        let n = y.count
        let pattern = context.pattern.flatMap { $0 == .noDemand ? nil : $0 } ?? c.classifier.classify(demand: y).pattern

        func finish(_ result: SelectionResult) -> SelectionResult {
            var result = result
            result.historyStart = start
            if start > 0, !result.fit.fitted.isEmpty {
                result.fit.fitted = Array(repeating: .nan, count: start) + result.fit.fitted
            }
            return result
        }

        func constant(_ value: Double, _ fallback: SelectionResult.Fallback, chosen: ModelName? = nil) -> SelectionResult {
            let fit = FittedForecast(
                model: chosen ?? .auto, parameters: ModelParameters(["level": value]), fitted: [], path: .constant(value),
                method: "fallback: \(fallback.rawValue)")
            return finish(
                SelectionResult(
                    pattern: pattern, chosen: chosen, seasonallyAdjusted: false, seasonalAdjustment: nil, fit: fit, runnerUp: nil,
                    candidates: [], metric: c.metric, fallback: fallback, flags: flags, observationCount: n))
        }

        guard firstDemand != nil else {
            return constant(context.plannerEstimate ?? context.categoryProfile ?? 0, .noDemand)
        }
        if n < c.minimumHistory {
            if let estimate = context.plannerEstimate { return constant(estimate, .plannerEstimate) }
            if let profile = context.categoryProfile { return constant(profile, .categoryProfile) }
            return constant(y.reduce(0, +) / Double(n), .shortHistoryAverage, chosen: .historicAverage)
        }
        let nonNegative = !y.contains { $0 < 0 }
        let holdout = min(c.holdout, max(1, n / 3))
        if n - holdout < c.minimumTraining {
            let model: any ForecastModel =
                pattern.isSporadic && nonNegative ? CrostonModel(variant: .sba) : SimpleExponentialSmoothing()
            var options = fitOptions
            options.fittedValues = c.fittedValues
            let fit = try model.fit(y, options: options)
            var result = SelectionResult(
                pattern: pattern, chosen: model.name, seasonallyAdjusted: false, seasonalAdjustment: nil, fit: fit, runnerUp: nil,
                candidates: [], metric: c.metric, fallback: .patternDefault, flags: flags, observationCount: n)
            result.nonNegative = nonNegative
            return finish(result)
        }

        let training = Array(y[0..<(n - holdout)])
        let adjustment: SeasonalAdjustment? =
            c.seasonalAdjustment && (pattern == .smooth || pattern == .erratic)
            ? SeasonalAdjustment.detect(training, seasonLength: c.seasonLength) : nil
        var scored: [SelectionResult.Candidate] = []
        var models: [(model: any ForecastModel, adjusted: Bool, fit: FittedForecast?)] = []
        let trending = c.trendTest ? TrendTest.detect(training) : true
        for model in candidates(for: pattern) where trending || model.name != .holt {
            for adjusted in adjustment == nil ? [false] : [false, true] {
                let (candidate, fit) = evaluate(
                    model, y, training: training, adjustment: adjusted ? adjustment : nil, options: fitOptions)
                models.append((model, adjusted, fit))
                scored.append(candidate)
            }
        }
        let ranking = scored.indices.filter { scored[$0].score != nil }.sorted {
            scored[$0].score! != scored[$1].score! ? scored[$0].score! < scored[$1].score! : $0 < $1
        }
        guard let best = ranking.first else {
            throw ForecastError(.noModelFitted, "auto: no candidate model could be fitted to this series (\(n) values)")
        }
        let winner = models[best]
        let finalAdjustment = winner.adjusted ? (SeasonalAdjustment.estimate(y, seasonLength: c.seasonLength) ?? adjustment) : nil
        let series = finalAdjustment.map { $0.adjust(y) } ?? y
        var finalOptions = fitOptions
        finalOptions.fittedValues = c.fittedValues
        var fit =
            c.refitOnFullSeries || winner.fit == nil
            ? try winner.model.fit(series, options: finalOptions)
            : try winner.model.apply(winner.fit!, to: series, options: finalOptions)
        if let finalAdjustment, !fit.fitted.isEmpty {
            let m = finalAdjustment.seasonLength
            fit.fitted = fit.fitted.indices.map {
                finalAdjustment.multiplicative
                    ? fit.fitted[$0] * finalAdjustment.indices[$0 % m] : fit.fitted[$0] + finalAdjustment.indices[$0 % m]
            }
        }
        var result = SelectionResult(
            pattern: pattern, chosen: winner.model.name, seasonallyAdjusted: winner.adjusted, seasonalAdjustment: finalAdjustment,
            fit: fit, runnerUp: ranking.count > 1 ? models[ranking[1]].model.name : nil, candidates: scored, metric: c.metric,
            fallback: nil, flags: flags, observationCount: n)
        result.nonNegative = nonNegative
        return finish(result)
    }

    /// Fits `model` to the training part and scores its rolling-origin forecasts over the holdout.
    func evaluate(
        _ model: any ForecastModel, _ y: [Double], training: [Double], adjustment: SeasonalAdjustment?, options: FitOptions
    ) -> (SelectionResult.Candidate, FittedForecast?) {
        let c = configuration
        let nonNegative = !y.contains { $0 < 0 }
        let n = y.count
        let adjusted = adjustment.map { $0.adjust(y) } ?? y
        do {
            let first = try model.fit(adjustment.map { $0.adjust(training) } ?? training, options: options)
            var actual: [Double] = []
            var predicted: [Double] = []
            actual.reserveCapacity((n - training.count) * c.horizon)
            predicted.reserveCapacity((n - training.count) * c.horizon)
            let origins = training.count..<n
            let rolling = try model.rollingForecasts(first, series: adjusted, origins: origins, horizon: c.horizon)
            for (row, origin) in origins.enumerated() {
                let steps = min(c.horizon, n - origin)
                var f = Array(rolling[(row * c.horizon)..<(row * c.horizon + steps)])
                if let adjustment { f = adjustment.reseasonalize(f, startingAt: origin) }
                for h in 0..<steps {
                    actual.append(y[origin + h])
                    predicted.append(nonNegative ? max(f[h], 0) : f[h])
                }
            }
            let report = AccuracyReport(
                actual: actual, forecast: predicted, training: training,
                seasonalPeriod: c.metric == .mase ? max(1, c.seasonLength) : 1)
            let score = c.metric.value(in: report)
            let candidate = SelectionResult.Candidate(
                model: model.name, seasonallyAdjusted: adjustment != nil, score: score.flatMap { $0.isFinite ? $0 : nil },
                parameters: first.parameters, failure: score == nil ? "\(c.metric.rawValue) undefined on the holdout" : nil)
            return (candidate, first)
        } catch {
            let candidate = SelectionResult.Candidate(
                model: model.name, seasonallyAdjusted: adjustment != nil, score: nil, parameters: ModelParameters(),
                failure: error.message)
            return (candidate, nil)
        }
    }

    /// Phase-out, dying, declining and new-item flags of a series (the rules of step 2 above).
    public func lifecycleFlags(_ y: [Double], context: SelectionContext = SelectionContext()) -> [SelectionResult.Flag] {
        lifecycleFlags(y, firstDemand: y.firstIndex { $0 != 0 }, context: context)
    }

    func lifecycleFlags(_ y: [Double], firstDemand: Int?, context: SelectionContext) -> [SelectionResult.Flag] {
        let c = configuration
        var flags: [SelectionResult.Flag] = []
        if context.lifecycle == .phaseOut { flags.append(.phaseOut) }
        guard let firstDemand else { return flags }
        let n = y.count
        let w = c.dyingWindow
        if n - firstDemand < c.minimumHistory { flags.append(.newItem) }
        if n > w, firstDemand < n - w, !y[(n - w)...].contains(where: { $0 != 0 }) {
            flags.append(.dying)
        } else if n >= 2 * w, firstDemand <= n - 2 * w {
            let recent = y[(n - w)...].reduce(0, +)
            let before = y[(n - 2 * w)..<(n - w)].reduce(0, +)
            if before > 0, recent < c.decliningRatio * before { flags.append(.declining) }
        }
        return flags
    }
}
