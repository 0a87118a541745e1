import Forecasting
import InventoryCore
import Planning

extension ForecastRendering {
    /// The CSV columns, in order (documented in the README and docs/forecasting.md).
    static let csvColumns = [
        "item_id", "location_id", "bucket", "bucket_start", "statistical", "adjustment", "final", "model", "runner_up",
        "fallback", "pattern", "abc_xyz", "sigma_one_step", "lead_time_buckets", "sigma_lead_time", "protection_buckets",
        "sigma_protection", "corrections", "flags",
    ]

    /// One row per item-location × horizon bucket, handed to `sink` one item-location at a time.
    func csv(into sink: (String) -> Void) {
        var header = CSVOutput()
        header.row(Self.csvColumns)
        sink(header.text)
        let starts = (0..<report.horizon).map { report.forecastBucketStart($0).isoString }
        func optional(_ x: Double?) -> String { x.map(NumberFormat.csv) ?? "" }
        for f in report.forecasts {
            var csv = CSVOutput()
            let common = [
                f.modelName, f.selection.runnerUp?.rawValue ?? "", f.selection.fallback?.rawValue ?? "",
                f.selection.pattern.rawValue,
                f.classification.cell.description, optional(f.oneStepSigma), NumberFormat.csv(f.leadTimeBuckets),
                optional(f.leadTimeSigma), NumberFormat.csv(f.protectionBuckets), optional(f.protectionSigma),
                String(f.corrections.count), f.flags.joined(separator: ";"),
            ]
            for k in 0..<report.horizon {
                csv.row(
                    [
                        itemID(f), locationID(f), String(k + 1), starts[k], NumberFormat.csv(f.statistical[k]),
                        NumberFormat.csv(f.final[k] - f.statistical[k]), NumberFormat.csv(f.final[k]),
                    ] + common)
            }
            sink(csv.text)
        }
    }
}
