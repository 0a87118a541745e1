public import InventoryCore
public import InventoryPolicy

/// A policies file to replay instead of the plan's policies (`procura backtest --policies FILE`,
/// `POST /api/v1/backtest`): CSV with the columns `item_id`, `location_id`, `policy_type` and the
/// parameters the type needs — `reorder_point`, `order_up_to_level`, `order_quantity` (base units),
/// `review_period_days` (``PolicyParameterLine/required(for:)``). The `policies.csv` that `procura
/// plan` writes is such a file (its other columns are ignored), so a planner can edit it — or
/// write the ERP's current parameters in the same columns — and replay it.
///
/// `policy_type` is the notation (`(s,Q)`, `(s,S)`, `(R,S)`, `(R,s,S)`, `min/max`) or the settings
/// name (`s_q`, …); lines of type `none` are not replayed. Errors read like the data-folder import's:
/// `policies.csv:3:22: reorder_point 'x' — expected a number of base units from 0 to 10⁹`.
public enum PolicyParametersFile {
    /// The required columns.
    public static let columns = ["item_id", "location_id", "policy_type"]

    /// The largest parameter (base units or days): the replay's range.
    public static let largestValue = 1e9

    /// Reads the file at `path`; messages name it `name`.
    ///
    /// - Throws: ``CSVDocument/Failure`` with every error found, one per line of its message.
    public static func read(path: String, name: String) throws(CSVDocument.Failure) -> [PolicyParameterLine] {
        try lines(of: try CSVDocument(path: path, name: name), name: name)
    }

    /// Reads a policies file given as CSV text (a request body, an upload).
    public static func read(text: String, name: String) throws(CSVDocument.Failure) -> [PolicyParameterLine] {
        try lines(of: try CSVDocument(text: text, name: name), name: name)
    }

    private static func lines(of csv: CSVDocument, name: String) throws(CSVDocument.Failure) -> [PolicyParameterLine] {
        let missing = columns.filter { csv.column($0) == nil }
        guard missing.isEmpty, let item = csv.column("item_id"), let location = csv.column("location_id"),
            let type = csv.column("policy_type")
        else {
            throw CSVDocument.Failure(
                message:
                    "\(name):1: missing column(s) \(missing.joined(separator: ", ")) — expected the columns item_id, location_id, policy_type and the parameters of each policy type"
            )
        }
        var lines: [PolicyParameterLine] = []
        var errors: [String] = []
        for (line, fields) in csv.rows {
            func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
            var lineErrors: [String] = []
            for (column, what) in [(item, "item_id"), (location, "location_id")] where field(column).isEmpty {
                lineErrors.append("\(name):\(line):\(column + 1): \(what) '' — expected a key")
            }
            guard let policyType = PolicyType(settingName: field(type)) else {
                errors += lineErrors
                errors.append(
                    "\(name):\(line):\(type + 1): policy_type '\(field(type))' — expected (s,Q), (s,S), (R,S), (R,s,S), min/max, kanban or none"
                )
                continue
            }
            guard policyType != .none else {
                errors += lineErrors
                continue
            }
            var values: [String: Double] = [:]
            for parameter in PolicyParameterLine.required(for: policyType) {
                guard let column = csv.column(parameter) else {
                    lineErrors.append(
                        "\(name):\(line): \(parameter) — a \(policyType.rawValue) policy needs it, the file has no such column")
                    continue
                }
                let text = field(column)
                guard let x = Double(text), x.isFinite, x >= 0, x <= largestValue else {
                    lineErrors.append(
                        "\(name):\(line):\(column + 1): \(parameter) '\(text)' — expected a number from 0 to 10⁹ (\(parameter == "review_period_days" ? "days" : "base units"))"
                    )
                    continue
                }
                if (parameter == "order_quantity" || parameter == "review_period_days") && x == 0 {
                    lineErrors.append("\(name):\(line):\(column + 1): \(parameter) '\(text)' — expected a number above 0")
                    continue
                }
                values[parameter] = x
            }
            if let s = values["reorder_point"], let bigS = values["order_up_to_level"], bigS < s,
                let column = csv.column("order_up_to_level")
            {
                lineErrors.append(
                    "\(name):\(line):\(column + 1): order_up_to_level '\(field(column))' — expected at least the reorder point \(field(csv.column("reorder_point") ?? 0))"
                )
            }
            guard lineErrors.isEmpty else {
                errors += lineErrors
                continue
            }
            lines.append(
                PolicyParameterLine(
                    origin: "\(name):\(line)", itemID: field(item), locationID: field(location), policyType: policyType,
                    reorderPoint: values["reorder_point"], orderUpToLevel: values["order_up_to_level"],
                    orderQuantity: values["order_quantity"], reviewPeriodDays: values["review_period_days"]))
        }
        guard errors.isEmpty else { throw CSVDocument.Failure(message: errors.prefix(100).joined(separator: "\n")) }
        return lines
    }
}
