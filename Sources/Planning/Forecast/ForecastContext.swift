import Forecasting
import InventoryCore
import InventoryPolicy

/// What every item-location's forecast needs from the snapshot, gathered once and shared (read
/// only) by the parallel chunks of ``ForecastRun`` and ``AccuracyRun``.
struct ForecastContext: Sendable {
    let snapshot: Snapshot
    let classification: [ItemLocationClassification]
    let histories: ForecastHistories
    let index: PlanInputIndex
    let engine: PolicyEngine
    let selector: AutoSelector
    let model: ForecastModelChoice

    init(
        snapshot: Snapshot, classification: [ItemLocationClassification], model: ForecastModelChoice,
        selection: ForecastingSettings.PlanSelection = .full
    ) {
        self.snapshot = snapshot
        self.classification = classification
        histories = ForecastHistories(snapshot: snapshot)
        index = PlanInputIndex(snapshot: snapshot)
        engine = PolicyEngine(settings: snapshot.settings.policy, bucket: snapshot.settings.bucket)
        selector = AutoSelector(
            configuration: ForecastRun.selectorConfiguration(settings: snapshot.settings, selection: selection))
        self.model = model
    }

    /// The forecast of row `r` for `horizon` buckets from the first bucket after the complete
    /// history, and the cleaned history it was fitted to.
    func forecast(row r: Int, horizon: Int) -> (forecast: ItemLocationForecast, cleaned: [Double]) {
        let c = classification[r]
        let item = snapshot.items[Int(c.item)]
        let cleaned = histories.cleaned(row: r)
        let series = cleaned.series.isEmpty ? [0] : cleaned.series
        let context = SelectionContext(lifecycle: item.lifecycle, categoryProfile: histories.profiles[r], pattern: c.pattern)
        let (selection, failure) = select(series, context: context)

        let settings = snapshot.settings
        let demand = snapshot.demand
        let firstForecastBucket = demand.firstBucket + Int32(histories.completeBuckets)
        let (windows, adjustments) = ForecastAdjustmentWindow.windows(
            index.overrides(row: r), calendar: demand.calendar, firstBucket: firstForecastBucket, horizon: horizon,
            apply: settings.forecasting.applyAdjustments)
        let forecast = AdjustedForecast(statistical: selection.forecast(h: horizon), adjustments: adjustments)

        let sigma = Self.oneStepSigma(selection, series: series)
        let bucketDays = settings.bucket.averageDays
        let leadTime = index.meanLeadTimeDays(row: r, defaultDays: settings.policy.defaultLeadTimeDays) / bucketDays
        let input = index.policyInput(row: r, classification: c, item: item, settings: settings, asOf: snapshot.asOf)
        let protection = engine.protectionBuckets(for: input)
        var flags = selection.flags.map(\.rawValue)
        if histories.predecessorRows[r] != nil { flags.append("successor_history") }
        if failure != nil { flags.append("model_failed") }
        let result = ItemLocationForecast(
            row: r, item: c.item, location: c.location, classification: c, selection: selection, failure: failure,
            corrections: cleaned.corrections, forecast: forecast, adjustments: windows, oneStepSigma: sigma,
            leadTimeBuckets: leadTime, leadTimeSigma: sigma.map { Self.sigma(selection, oneStep: $0, buckets: leadTime) },
            protectionBuckets: protection, protectionSigma: sigma.map { Self.sigma(selection, oneStep: $0, buckets: protection) },
            flags: flags)
        return (result, series)
    }

    /// The selection (auto) or the named model's fit; a named model that cannot be fitted falls back
    /// to the mean since the first demand, with the reason.
    func select(_ series: [Double], context: SelectionContext) -> (SelectionResult, String?) {
        do {
            if let named = model.model() { return (try selector.fit(named, series, context: context), nil) }
            return (try selector.select(series, context: context), nil)
        } catch {
            // The mean cannot fail on a non-empty finite series (the import guarantees both); if it
            // did, the forecast is 0 and the reason says both failures.
            do {
                return (try selector.fit(HistoricAverageModel(), series, context: context), error.message)
            } catch let meanError {
                let zero = SelectionResult.constant(
                    0, fallback: .noDemand, pattern: context.pattern ?? .noDemand, observationCount: series.count)
                return (zero, error.message + "; the mean could not be fitted either (\(meanError.message)), so 0")
            }
        }
    }

    /// σ₁: RMS of the one-step errors on the series from the first demand on — the model's fitted
    /// values, or the constant of a fallback; `nil` for the no-demand fallback.
    static func oneStepSigma(_ selection: SelectionResult, series y: [Double]) -> Double? {
        let start = selection.historyStart
        guard start < y.count, selection.fallback != .noDemand else { return nil }
        let fitted = selection.fit.fitted
        var errors: [Double] = []
        errors.reserveCapacity(y.count - start)
        if fitted.count == y.count {
            for t in start..<y.count where fitted[t].isFinite { errors.append(y[t] - fitted[t]) }
        } else {
            let value = selection.fit.path.nextValue
            for t in start..<y.count { errors.append(y[t] - value) }
        }
        return LeadTimeForecastError.oneStepSigma(errors: errors)
    }

    /// σ of the error summed over `buckets` buckets (``LeadTimeForecastError``: the model's
    /// state-space coefficients for exponential smoothing, √H otherwise).
    static func sigma(_ selection: SelectionResult, oneStep: Double, buckets: Double) -> Double {
        let bounded = buckets.isFinite ? min(max(0, buckets), 100_000) : 100_000
        let method = LeadTimeForecastError.method(for: selection.fit, buckets: Int(bounded.rounded(.up)) + 1)
        return LeadTimeForecastError(oneStepSigma: oneStep, leadTime: buckets, method: method).sigma
    }
}
