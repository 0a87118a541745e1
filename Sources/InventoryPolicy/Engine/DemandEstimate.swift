public import Forecasting

/// What the policy engine knows about the demand of one item-location: a rate per bucket and its
/// uncertainty, from history or from a forecasting model.
///
/// Quantities are in base units per planning bucket (weekly by default). The engine uses
/// ``standardDeviationPerBucket`` (demand variability) for the normal method, and the forecast
/// errors — ``oneStepErrorStandardDeviation`` σₑ, or ``protectionErrorStandardDeviation`` σₑ(P)
/// over the protection interval when the model gives it — for the forecast-error method
/// (docs/policies.md, "Methods").
public struct DemandEstimate: Hashable, Sendable {
    /// Expected demand per bucket d over the protection interval (the forecast's average), ≥ 0.
    public var perBucket: Double
    /// Standard deviation of demand per bucket σd (variability around the mean), ≥ 0.
    public var standardDeviationPerBucket: Double
    /// Standard deviation of the one-bucket-ahead forecast error σₑ, when a forecast gives one.
    public var oneStepErrorStandardDeviation: Double?
    /// Standard deviation of the forecast error of the demand summed over ``protectionBuckets``
    /// buckets, σₑ(P), when the model gives it (errors correlated across the horizon are then
    /// accounted for); otherwise the engine uses σₑ·√P.
    public var protectionErrorStandardDeviation: Double?
    /// The number of buckets ``protectionErrorStandardDeviation`` covers.
    public var protectionBuckets: Double
    /// Name of the forecasting model (`window_mean`, `ets_ann`, …).
    public var model: String
    /// How the model's forecast error grows with the horizon (the prediction interval of each
    /// bucket: ``Forecasting/ForecastErrorGrowth``); constant for the window mean.
    public var errorGrowth: ForecastErrorGrowth

    /// Creates an estimate.
    public init(
        perBucket: Double, standardDeviationPerBucket: Double, oneStepErrorStandardDeviation: Double? = nil,
        protectionErrorStandardDeviation: Double? = nil, protectionBuckets: Double = 0, model: String = "given",
        errorGrowth: ForecastErrorGrowth = .constant
    ) {
        self.perBucket = perBucket
        self.standardDeviationPerBucket = standardDeviationPerBucket
        self.oneStepErrorStandardDeviation = oneStepErrorStandardDeviation
        self.protectionErrorStandardDeviation = protectionErrorStandardDeviation
        self.protectionBuckets = protectionBuckets
        self.model = model
        self.errorGrowth = errorGrowth
    }

    /// σₑ(P), the forecast-error standard deviation over `buckets` buckets: the model's own figure
    /// when it was given for the same number of buckets, that figure scaled by √(P / P₀) when it was
    /// given for P₀ buckets, else σₑ·√P (errors independent across buckets); `nil` without a
    /// forecast error.
    public func forecastErrorStandardDeviation(overBuckets buckets: Double) -> Double? {
        if let given = protectionErrorStandardDeviation, given.isFinite, given >= 0, protectionBuckets > 0 {
            if abs(protectionBuckets - buckets) <= 1e-9 * max(1, buckets) { return given }
            return given * (buckets / protectionBuckets).squareRoot()
        }
        if let oneStep = oneStepErrorStandardDeviation, oneStep.isFinite, oneStep >= 0 {
            return oneStep * max(0, buckets).squareRoot()
        }
        return nil
    }
}
