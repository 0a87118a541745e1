/// A forecast-accuracy measure, for scoring candidates in the automatic selection and for reports.
/// The formulas are on the Forecasting module's `AccuracyReport`, which computes them
/// (`AccuracyMetric.value(in:)`). The type lives here so that the settings can name it.
public enum AccuracyMetric: String, Sendable, Hashable, CaseIterable, Codable {
    /// Mean absolute error.
    case mae
    /// Root mean squared error.
    case rmse
    /// Mean absolute percentage error (zero actuals excluded).
    case mape
    /// Symmetric MAPE.
    case smape
    /// Weighted absolute percentage error, Σ|e| / Σ|A|.
    case wape
    /// Mean absolute scaled error (Hyndman & Koehler 2006).
    case mase
    /// Absolute mean error |mean(F − A)|.
    case bias
}
