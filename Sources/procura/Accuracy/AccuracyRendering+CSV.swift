import Forecasting
import InventoryCore
import Planning

extension AccuracyRendering {
    /// The CSV columns, in order (documented in the README and docs/forecasting.md).
    static let csvColumns = [
        "item_id", "location_id", "segment", "abc_xyz", "pattern", "model", "runner_up", "buckets", "actual", "forecast",
        "mae", "rmse", "mape", "mape_buckets", "smape", "wape", "mase", "mean_error", "bias_percent", "tracking_signal",
        "tracking_alert", "unit_cost", "error_value", "final_forecast", "final_wape",
    ]

    /// One row per item-location.
    var csv: String {
        var out = CSVOutput()
        out.row(Self.csvColumns)
        func optional(_ x: Double?) -> String { x.map(NumberFormat.csv) ?? "" }
        for a in report.items {
            let m = a.report
            out.row([
                itemID(a), locationID(a), a.segment, a.classification.cell.description, a.classification.pattern.rawValue,
                a.model,
                a.runnerUp?.rawValue ?? "", String(m.count), NumberFormat.csv(m.sumActual), NumberFormat.csv(m.sumForecast),
                optional(m.mae), optional(m.rmse), optional(m.mapePercent), String(m.mapeCount), optional(m.smapePercent),
                optional(m.wapePercent), optional(m.mase), optional(m.meanError), optional(m.biasPercent),
                optional(a.trackingSignal.value), a.trackingSignal.isAlert ? "true" : "false", NumberFormat.csv(a.unitCost),
                NumberFormat.csv(a.errorValue), a.finalReport.map { NumberFormat.csv($0.sumForecast) } ?? "",
                optional(a.finalReport?.wapePercent),
            ])
        }
        return out.text
    }
}
