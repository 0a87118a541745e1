/// The tracking signal and its alert: `TS = Σ e_t / MAD` with `e_t = A_t − F_t` and
/// `MAD = mean |e_t|`; an alert when `|TS| > threshold` (default 4, a common control limit for
/// cumulative-sum tracking signals — Brown 1959, *Statistical Forecasting for Inventory Control*;
/// Silver, Pyke & Thomas 2017, *Inventory and Production Management in Supply Chains*, §4.9).
/// A positive signal means persistent under-forecasting, a negative one over-forecasting.
public struct TrackingSignal: Hashable, Sendable {
    /// The signal (`nil` when MAD = 0 or no periods).
    public var value: Double?
    /// The alert threshold used.
    public var threshold: Double
    /// Whether |TS| exceeds the threshold.
    public var isAlert: Bool { value.map { abs($0) > threshold } ?? false }
    /// Direction of the bias when alerted.
    public var direction: String? {
        guard isAlert, let value else { return nil }
        return value > 0 ? "under-forecast" : "over-forecast"
    }

    /// Computes the signal of `forecast` against `actual`.
    public init(actual: [Double], forecast: [Double], threshold: Double = 4) {
        self.threshold = threshold
        self.value = AccuracyReport(actual: actual, forecast: forecast).trackingSignal
    }
}
