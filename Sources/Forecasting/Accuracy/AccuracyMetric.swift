/// A forecast-accuracy measure, for scoring candidates in the automatic selection and for reports.
/// Formulas in ``AccuracyReport``.
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

    /// The value of this metric in a report (lower is better); `nil` when undefined.
    public func value(in report: AccuracyReport) -> Double? {
        switch self {
        case .mae: report.mae
        case .rmse: report.rmse
        case .mape: report.mapePercent
        case .smape: report.smapePercent
        case .wape: report.wapePercent
        case .mase: report.mase
        case .bias: report.meanError.map(abs)
        }
    }
}
