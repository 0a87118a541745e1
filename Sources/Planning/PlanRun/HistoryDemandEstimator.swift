public import InventoryPolicy

/// The mean of the classification window as the forecast, with the uncertainty of that forecast.
///
/// With n buckets in the window, mean μ̂ and sample standard deviation s (the population σ of the
/// classification times √(n/(n − 1))):
///
/// - forecast: μ̂ for every bucket of the horizon;
/// - demand σ per bucket: s;
/// - one-step forecast error: σₑ = s·√(1 + 1/n) — the mean method's prediction error, the demand's
///   own variability plus the error of estimating μ from n buckets (Hyndman & Athanasopoulos,
///   *Forecasting: Principles and Practice*, 3rd ed., §5.5, Table 5.2);
/// - error over P buckets: σₑ(P) = s·√(P + P²/n) — P independent demands plus the estimation error,
///   which is the same in every bucket and so adds up linearly (variance P²s²/n).
///
/// No demand in the window gives zeros and no forecast error (n = 0 too). The plan run's default is
/// ``ForecastDemandEstimator``; this one is `procura plan --estimator history`.
public struct HistoryDemandEstimator: DemandEstimator {
    /// Creates the estimator.
    public init() {}

    public var name: String { "history_window_mean" }

    public func estimate(_ request: DemandEstimationRequest, forecast: UnsafeMutableBufferPointer<Double>) -> DemandEstimate {
        let row = request.classification
        let n = Double(row.periods)
        let mean = row.meanPerBucket.isFinite ? row.meanPerBucket : 0
        for h in forecast.indices { forecast[h] = mean }
        guard row.periods > 0, mean > 0 || row.standardDeviationPerBucket > 0 else {
            return DemandEstimate(perBucket: max(0, mean), standardDeviationPerBucket: 0, model: "window_mean")
        }
        let population = row.standardDeviationPerBucket.isFinite ? row.standardDeviationPerBucket : 0
        let sample = row.periods > 1 ? population * (n / (n - 1)).squareRoot() : population
        let p = max(0, request.protectionBuckets)
        return DemandEstimate(
            perBucket: mean, standardDeviationPerBucket: sample,
            oneStepErrorStandardDeviation: sample * (1 + 1 / n).squareRoot(),
            protectionErrorStandardDeviation: sample * (p + p * p / n).squareRoot(), protectionBuckets: p,
            model: "window_mean")
    }
}
