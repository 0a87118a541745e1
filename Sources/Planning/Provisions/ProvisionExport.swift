public import InventoryCore

/// The general-ledger export of an approved provision run (`procura provisions export RUN`,
/// `GET /api/v1/provisions/{run}/export`; columns in docs/excess.md): one row per item-location
/// with `month`, `run_id`, `account`, `currency`, `item_id`, `location_id`, `category`, `class`,
/// `basis`, `amount` (the provision), `previous_amount` (the last approved run's) and `change`,
/// amounts with two decimals. The rows add up to the run's total to the cent.
public enum ProvisionExport {
    /// The CSV columns, in order.
    public static let columns = [
        "month", "run_id", "account", "currency", "item_id", "location_id", "category", "class", "basis", "amount",
        "previous_amount", "change",
    ]

    /// The rows as text, in ``columns`` order.
    public static func rows(_ run: ProvisionRun) -> [[String]] {
        run.lines.map { l in
            [
                run.month, run.runID, run.account, run.currency, l.itemID, l.locationID, l.category, l.abcClass, l.basis,
                ProvisionRun.amountText(l.provisionCents), ProvisionRun.amountText(l.previousCents),
                ProvisionRun.amountText(l.changeCents),
            ]
        }
    }

    /// RFC 4180 CSV: the header and one row per line (fields with a comma, quote or line break quoted).
    public static func csv(_ run: ProvisionRun) -> String {
        CSVText.document(columns: columns, rows: rows(run))
    }

    /// The run as JSON: its header, totals (`total`, `previous_total`, `change`) and `lines` with the
    /// export's columns (amounts as numbers with at most two decimals).
    public static func json(_ run: ProvisionRun) -> JSONValue {
        func amount(_ cents: Int64) -> JSONValue { .number(Double(cents) / 100) }
        return .object([
            ("run_id", .string(run.runID)), ("month", .string(run.month)), ("state", .string(run.state.rawValue)),
            ("as_of", .string(run.asOf)), ("account", .string(run.account)), ("currency", .string(run.currency)),
            ("created_by", .string(run.createdBy)), ("created_at", .string(run.createdAt)),
            ("approved_by", run.approvedBy.isEmpty ? .null : .string(run.approvedBy)),
            ("approved_at", run.approvedAt.isEmpty ? .null : .string(run.approvedAt)),
            ("previous_run_id", run.previousRunID.map(JSONValue.string) ?? .null), ("version", .integer(run.version)),
            ("item_locations", .integer(run.lines.count)), ("total", amount(run.totalCents)),
            ("previous_total", amount(run.previousTotalCents)), ("change", amount(run.changeCents)),
            (
                "lines",
                .array(
                    run.lines.map { l in
                        .object([
                            ("account", .string(run.account)), ("item_id", .string(l.itemID)),
                            ("location_id", .string(l.locationID)), ("category", .string(l.category)),
                            ("class", .string(l.abcClass)), ("basis", .string(l.basis)), ("gross_value", amount(l.grossCents)),
                            ("amount", amount(l.provisionCents)), ("previous_amount", amount(l.previousCents)),
                            ("change", amount(l.changeCents)),
                        ])
                    })
            ),
        ])
    }

    /// A run's summary without lines (lists).
    public static func summary(_ run: ProvisionRun) -> JSONValue {
        guard case .object(let members) = json(run) else { return .null }
        return .object(members.filter { $0.0 != "lines" })
    }
}
