import InventoryCore
import Planning

extension ClassificationRendering {
    /// The CSV columns, in order (documented in the README).
    static let csvColumns = [
        "item_id", "location_id", "category", "criticality", "lifecycle", "abc", "xyz", "abc_xyz", "pattern",
        "annual_quantity", "annual_value", "value_share", "cumulative_share", "rank", "periods", "mean_per_bucket",
        "sd_per_bucket", "cv", "nonzero_periods", "adi", "cv2", "service_level", "strategy", "flags",
        "service_level_reason", "strategy_reason", "changes",
    ]

    /// One row per item-location, in the snapshot's order.
    var csv: String {
        var out = CSVOutput()
        out.row(Self.csvColumns)
        let changes = changesByRow
        for (r, row) in report.rows.enumerated() {
            out.row([
                itemID(row), locationID(row), category(row), row.criticality.rawValue, row.lifecycle.rawValue,
                row.abc.rawValue, row.xyz.rawValue, row.cell.description, row.pattern.rawValue,
                NumberFormat.csv(row.annualQuantity), NumberFormat.csv(row.annualValue), NumberFormat.csv(row.valueShare),
                NumberFormat.csv(row.cumulativeShare), String(row.rank), String(row.periods),
                NumberFormat.csv(row.meanPerBucket), NumberFormat.csv(row.standardDeviationPerBucket),
                NumberFormat.csv(row.cv), String(row.nonZeroPeriods), NumberFormat.csv(row.adi), NumberFormat.csv(row.cv2),
                NumberFormat.csv(row.serviceLevel), row.strategy.rawValue, row.flags.joined(separator: ";"),
                row.serviceLevelReason, row.strategyReason, (changes[r] ?? []).joined(separator: "; "),
            ])
        }
        return out.text
    }
}
