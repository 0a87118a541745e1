public import InventoryCore

extension AccuracyMetric {
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
