public import Forecasting
public import InventoryCore
public import InventoryPolicy

/// The plan run's default demand estimator: the automatic model selection per item-location on its
/// cleaned history, with the forecast error over the protection interval.
///
/// For each item-location:
/// - the complete buckets of history cleaned as in `procura forecast` (successor carry-over,
///   stock-out correction, outlier cap; ``ForecastHistories``);
/// - ``Forecasting/AutoSelector`` with the classification's demand pattern, the item's lifecycle
///   and the category profile of declared-new items (``SelectionContext``);
/// - forecast: the selection's forecast for every bucket of the horizon; the rate the policy plans
///   for is its mean over the protection interval P (⌈P⌉ buckets, at least one);
/// - one-step error σ₁: RMS of the in-sample one-step errors from the first demand on;
/// - error over P: σₑ(P) from ``Forecasting/LeadTimeForecastError`` — the state-space sum for
///   exponential smoothing (errors correlated across the horizon), σ₁√P for the others;
/// - demand σ per bucket: the sample standard deviation of the classification window (as
///   ``HistoryDemandEstimator``), for the distributions of slow movers.
///
/// Forecast adjustments (`forecast_per_bucket`, `forecast_uplift`) are not applied here: the policy
/// engine applies them as input overrides valid on the planning date, with computed and final
/// values side by side.
///
/// ``InventoryCore/ForecastingSettings/PlanSelection/fast`` (the default for the plan) narrows the
/// selection so that a million item-locations fit the plan run's time budget (``narrow(_:)``);
/// `full` runs the same selection as `procura forecast`.
public struct ForecastDemandEstimator: DemandEstimator {
    let histories: ForecastHistories
    let selector: AutoSelector
    let items: [Item]
    let demand: DemandHistory

    /// The longest protection interval forecast, in buckets (twenty years of weeks); longer ones are cut to it.
    public static let maximumProtectionBuckets = 1_040.0

    /// Creates the estimator for a snapshot (the one the plan runs on); `selection` defaults to the
    /// settings' `forecasting.plan_selection`.
    public init(snapshot: Snapshot, selection: ForecastingSettings.PlanSelection? = nil) {
        histories = ForecastHistories(snapshot: snapshot)
        selector = AutoSelector(
            configuration: ForecastRun.selectorConfiguration(
                settings: snapshot.settings, selection: selection ?? snapshot.settings.forecasting.planSelection))
        items = snapshot.items
        demand = snapshot.demand
    }

    /// The selection's settings.
    public var configuration: AutoSelector.Configuration { selector.configuration }

    public var name: String { "forecast_auto" }

    /// The fast selection of the plan run:
    /// - smooth and erratic demand: SES and the moving average, damped Holt only when the training
    ///   part has a linear trend (``Forecasting/TrendTest``), each also on seasonally adjusted data
    ///   when the series tests seasonal;
    /// - intermittent and lumpy demand: Croston–SBA and TSB (TSB's two weights searched in at most
    ///   30 Nelder–Mead iterations) — no moving average: a short window over sporadic demand is
    ///   often exactly 0, which would switch the item's stock policy off;
    /// - scored 1…4 steps ahead over a 13-bucket holdout.
    ///
    /// Left out of the full set: ADIDA, IMAPA and Holt on trendless series, which cost most of the
    /// selection's time. docs/forecasting.md ("The plan run") has the cost per series and the
    /// accuracy of both settings on the demo company.
    public static func narrow(_ configuration: inout AutoSelector.Configuration) {
        configuration.candidates = [
            .smooth: [.ses, .holt, .movingAverage],
            .erratic: [.ses, .holt, .movingAverage],
            .intermittent: [.crostonSBA, .tsb],
            .lumpy: [.crostonSBA, .tsb],
        ]
        configuration.trendTest = true
        configuration.tsbOptimizer.maxIterations = min(configuration.tsbOptimizer.maxIterations, 30)
        configuration.holdout = min(configuration.holdout, 13)
        configuration.horizon = min(configuration.horizon, 4)
    }

    public func estimate(_ request: DemandEstimationRequest, forecast: UnsafeMutableBufferPointer<Double>) -> DemandEstimate {
        let c = request.classification
        guard let row = request.row ?? demand.row(of: ItemLocation(item: c.item, location: c.location)),
            row < demand.series.count, histories.completeBuckets > 0
        else {
            for h in forecast.indices { forecast[h] = 0 }
            return DemandEstimate(perBucket: 0, standardDeviationPerBucket: 0, model: "no_history")
        }
        let cleaned = histories.cleaned(row: row)
        let item = items[Int(c.item)]
        let context = SelectionContext(lifecycle: item.lifecycle, categoryProfile: histories.profiles[row], pattern: c.pattern)
        let selection: SelectionResult
        do {
            selection = try selector.select(cleaned.series, context: context)
        } catch {
            // No candidate could be fitted (not expected for validated demand): the history's rule.
            return HistoryDemandEstimator().estimate(request, forecast: forecast)
        }
        // The protection interval L + R in buckets, bounded so that absurd inputs (a lead time of
        // 10³⁰⁰ days) cannot overflow the step count: 1,040 buckets is twenty years of weeks.
        let p =
            request.protectionBuckets.isFinite
            ? min(max(0, request.protectionBuckets), Self.maximumProtectionBuckets) : Self.maximumProtectionBuckets
        let covered = max(1, Int(p.rounded(.up)))
        let path = selection.forecast(h: max(forecast.count, covered))
        for h in forecast.indices { forecast[h] = path[h] }
        var perBucket = 0.0
        for h in 0..<covered { perBucket += path[h] }
        perBucket /= Double(covered)

        let population = c.standardDeviationPerBucket.isFinite ? c.standardDeviationPerBucket : 0
        let n = Double(c.periods)
        let demandSigma = c.periods > 1 ? population * (n / (n - 1)).squareRoot() : population
        let model =
            selection.chosen.map { selection.seasonallyAdjusted ? $0.rawValue + "+seasonal" : $0.rawValue }
            ?? selection.fallback?.rawValue ?? "none"
        guard let sigma = ForecastContext.oneStepSigma(selection, series: cleaned.series) else {
            return DemandEstimate(perBucket: max(0, perBucket), standardDeviationPerBucket: demandSigma, model: model)
        }
        return DemandEstimate(
            perBucket: max(0, perBucket), standardDeviationPerBucket: demandSigma, oneStepErrorStandardDeviation: sigma,
            protectionErrorStandardDeviation: ForecastContext.sigma(selection, oneStep: sigma, buckets: p), protectionBuckets: p,
            model: model, errorGrowth: ForecastErrorGrowth(selection.fit))
    }
}
