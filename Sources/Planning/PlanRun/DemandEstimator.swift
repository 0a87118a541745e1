public import InventoryPolicy

/// Estimates the demand of one item-location for the plan run: a forecast per bucket over the
/// horizon, the uncertainty the safety stock needs, and the model's name.
///
/// The plan run calls ``estimate(_:forecast:)`` once per item-location, from several tasks at once,
/// so an estimator is a pure value: the same request gives the same estimate. ``HistoryDemandEstimator``
/// is the built-in one (the mean of the classification window); the Forecasting module's automatic
/// model selection plugs in here.
public protocol DemandEstimator: Sendable {
    /// The estimator's name, for reports (`history_window_mean`, …).
    var name: String { get }

    /// Estimates one item-location.
    ///
    /// - Parameters:
    ///   - request: the history, the classification and the protection interval.
    ///   - forecast: room for the forecast of the next `forecast.count` buckets (the horizon); the
    ///     estimator writes every element.
    /// - Returns: the rate the policy plans for (the forecast's mean over the protection interval),
    ///   the demand σ per bucket, and the forecast-error σ for one bucket and over the protection
    ///   interval when the model gives them.
    func estimate(_ request: DemandEstimationRequest, forecast: UnsafeMutableBufferPointer<Double>) -> DemandEstimate
}
