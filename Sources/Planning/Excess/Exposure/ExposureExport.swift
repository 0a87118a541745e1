import InventoryCore

/// The exposure report as CSV (`procura excess report --format csv`, `GET
/// /api/v1/excess/exposure?format=csv`): one row per item-location and cause (``ExposureReport/Attribution``),
/// so the `value` column adds up to the report's exposure and any column groups it.
public enum ExposureExport {
    /// The CSV columns, in order.
    public static let columns = [
        "month", "as_of", "currency", "item_id", "location_id", "category", "supplier_id", "buyer", "planner", "cause",
        "family", "units", "value", "new_value", "evidence",
    ]

    /// The rows as text, in ``columns`` order (numbers with every digit).
    public static func rows(_ report: ExposureReport) -> [[String]] {
        report.attributions.map { a in
            [
                report.month, report.asOf, report.currency, a.itemId, a.locationId, a.category, a.supplierId, a.buyer, a.planner,
                a.cause, a.family, number(a.units), number(a.value), number(a.newValue), a.evidence,
            ]
        }
    }

    /// The CSV document.
    public static func csv(_ report: ExposureReport) -> String {
        CSVText.document(columns: columns, rows: rows(report))
    }

    /// A number as JSON writes it (``InventoryCore/JSONValue/text(of:)``).
    static func number(_ x: Double) -> String { JSONValue.text(of: x) }
}
