public import InventoryCore

/// Reads an ERP's purchase-order update file for `procura po import` (and the API's and the page's
/// import): supplier confirmations and receipts per purchase-order line, as CSV or JSON.
///
/// Columns (CSV header; JSON member names), the names of `procura po export` where they overlap:
///
/// | column | required | meaning |
/// |---|---|---|
/// | `po_id` | yes | the purchase order |
/// | `line` | yes | its line number (whole number ≥ 1) |
/// | `item_id` | no | the line's item; when given it must be the line's |
/// | `confirmed_date` | no | the supplier's confirmed date, YYYY-MM-DD |
/// | `confirmed_quantity` | no | the supplier's confirmed quantity in the line's purchase unit, > 0 |
/// | `receipt_id` | with a receipt | the ERP's receipt number: the ledger posting's key |
/// | `receipt_date` | with a receipt | the day the goods arrived, YYYY-MM-DD |
/// | `received_quantity` | with a receipt | base units received, > 0 |
///
/// A row confirms (a confirmed date or quantity), receives (all three receipt fields), or both.
/// The other columns of `po export` may be present and are ignored; any other column is refused.
/// JSON: `{"updates": [{"po_id": "PO-000001", "line": 1, …}, …]}`, numbers as JSON numbers or text.
///
/// Every row is checked and every error reported (one per line of the failure's message) before
/// anything is returned: `confirmations.csv:3:5: confirmed_quantity '-2' — expected a number > 0`.
public enum PurchaseOrderUpdateFile {
    /// The columns the file may set.
    public static let columns = [
        "po_id", "line", "item_id", "confirmed_date", "confirmed_quantity", "receipt_id", "receipt_date",
        "received_quantity",
    ]
    /// The columns of `procura po export` that are not ``columns``: allowed and ignored.
    public static let ignoredColumns = [
        "supplier_id", "location_id", "purchase_quantity", "purchase_uom", "quantity", "base_uom", "unit_price", "value",
        "currency", "due_date", "release_date", "approved_by", "approved_at",
    ]
    /// The largest quantity a row may state (a larger figure is a typing error).
    public static let maximumQuantity = 1e12

    /// The file's format.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// The format a file name's extension says (`.json`: JSON, anything else: CSV).
    public static func format(ofName name: String) -> Format {
        name.lowercased().hasSuffix(".json") ? .json : .csv
    }

    /// Reads update rows from `text` in `format`; `name` (the file's name) is used in messages.
    ///
    /// - Throws: ``CSVDocument/Failure`` with every error found, one per line.
    public static func read(text: String, name: String, format: Format) throws(CSVDocument.Failure) -> [PurchaseOrderUpdate] {
        switch format {
        case .csv: return try readCSV(text: text, name: name)
        case .json: return try readJSON(text: text, name: name)
        }
    }

    private static func readCSV(text: String, name: String) throws(CSVDocument.Failure) -> [PurchaseOrderUpdate] {
        let csv = try CSVDocument(text: text, name: name)
        var errors: [String] = []
        for (k, column) in csv.header.enumerated() where !columns.contains(column) && !ignoredColumns.contains(column) {
            errors.append(
                "\(name):1:\(k + 1): unknown column '\(column)' — expected \(columns.joined(separator: ", ")) (or a column of po export)"
            )
        }
        for required in ["po_id", "line"] where csv.column(required) == nil {
            errors.append("\(name):1: missing column \(required) — expected the columns po_id, line and the updates")
        }
        guard errors.isEmpty else { throw CSVDocument.Failure(message: errors.joined(separator: "\n")) }
        var rows: [RawRow] = []
        for (line, fields) in csv.rows {
            var values: [String: String] = [:]
            for column in columns {
                if let i = csv.column(column), i < fields.count, !fields[i].isEmpty { values[column] = fields[i] }
            }
            rows.append(
                RawRow(
                    position: "\(name):\(line)", values: values,
                    locate: { column in "\(name):\(line):\((csv.column(column) ?? 0) + 1)" }))
        }
        return try validate(rows, emptyMessage: "\(name): no rows — expected one row per purchase-order line update")
    }

    private static func readJSON(text: String, name: String) throws(CSVDocument.Failure) -> [PurchaseOrderUpdate] {
        let root: JSONValue
        do {
            root = try JSONValue(parsing: text)
        } catch {
            throw CSVDocument.Failure(message: "\(name):\(error.line):\(error.column): \(error.message) — expected JSON")
        }
        var list: [JSONValue]
        switch root {
        case .array(let items): list = items
        case .object(let members):
            guard let updates = members.first(where: { $0.0 == "updates" })?.1, case .array(let items) = updates else {
                throw CSVDocument.Failure(message: "\(name): no member updates — expected {\"updates\": [ … ]}")
            }
            list = items
        default:
            throw CSVDocument.Failure(message: "\(name): expected {\"updates\": [ … ]}")
        }
        var errors: [String] = []
        var rows: [RawRow] = []
        for (k, item) in list.enumerated() {
            let at = "\(name): updates[\(k)]"
            guard case .object(let members) = item else {
                errors.append("\(at): expected an object with po_id, line and the updates")
                continue
            }
            var values: [String: String] = [:]
            for (key, value) in members {
                guard columns.contains(key) || ignoredColumns.contains(key) else {
                    errors.append("\(at).\(key): unknown member — expected \(columns.joined(separator: ", "))")
                    continue
                }
                guard columns.contains(key) else { continue }
                switch value {
                case .null: break
                case .string(let s): if !s.isEmpty { values[key] = s }
                case .integer(let i): values[key] = String(i)
                case .number(let d): values[key] = JSONValue.text(of: d)
                default: errors.append("\(at).\(key): \(value.compact) — expected text or a number")
                }
            }
            rows.append(RawRow(position: at, values: values, locate: { column in "\(at).\(column)" }))
        }
        guard errors.isEmpty else { throw CSVDocument.Failure(message: errors.joined(separator: "\n")) }
        return try validate(rows, emptyMessage: "\(name): no updates — expected at least one purchase-order line update")
    }

    /// A row before its checks: its position, its non-empty values by column, and the position of a column.
    private struct RawRow {
        var position: String
        var values: [String: String]
        var locate: (String) -> String
    }

    private static func validate(_ rows: [RawRow], emptyMessage: String) throws(CSVDocument.Failure) -> [PurchaseOrderUpdate] {
        guard !rows.isEmpty else { throw CSVDocument.Failure(message: emptyMessage) }
        var errors: [String] = []
        var out: [PurchaseOrderUpdate] = []
        var confirmedLines: [String: String] = [:]
        var receiptIDs: [String: String] = [:]
        for row in rows {
            var rowErrors: [String] = []
            func fail(_ column: String, _ expected: String) {
                rowErrors.append("\(row.locate(column)): \(column) '\(row.values[column] ?? "")' — \(expected)")
            }
            let poID = row.values["po_id"] ?? ""
            if poID.isEmpty { fail("po_id", "expected a purchase-order id") }
            var line = 0
            if let text = row.values["line"], let n = Int(text), n >= 1 {
                line = n
            } else {
                fail("line", "expected a whole number ≥ 1")
            }
            func day(_ column: String) -> Day? {
                guard let text = row.values[column] else { return nil }
                guard let day = Day(iso: text) else {
                    fail(column, "expected a date YYYY-MM-DD")
                    return nil
                }
                return day
            }
            func quantity(_ column: String) -> Double? {
                guard let text = row.values[column] else { return nil }
                guard let q = Double(text), q.isFinite, q > 0, q <= maximumQuantity else {
                    fail(column, "expected a number > 0 (at most 10¹²)")
                    return nil
                }
                return q
            }
            var update = PurchaseOrderUpdate(
                position: row.position, poID: poID, line: line, itemID: row.values["item_id"],
                confirmedDate: day("confirmed_date"), confirmedQuantity: quantity("confirmed_quantity"),
                receiptID: row.values["receipt_id"], receiptDate: day("receipt_date"),
                receivedQuantity: quantity("received_quantity"))
            let receiptFields = ["receipt_id", "receipt_date", "received_quantity"]
            let given = receiptFields.filter { row.values[$0] != nil }
            if !given.isEmpty, given.count < receiptFields.count {
                for missing in receiptFields where row.values[missing] == nil {
                    fail(missing, "expected a value: a receipt needs receipt_id, receipt_date and received_quantity")
                }
            }
            let confirms = row.values["confirmed_date"] != nil || row.values["confirmed_quantity"] != nil
            if !confirms, given.isEmpty {
                rowErrors.append(
                    "\(row.position): neither a confirmation nor a receipt — expected confirmed_date or confirmed_quantity, or receipt_id, receipt_date and received_quantity"
                )
            }
            if rowErrors.isEmpty {
                let lineKey = "\(poID)\u{1F}\(line)"
                if confirms {
                    if let first = confirmedLines[lineKey] {
                        rowErrors.append(
                            "\(row.position): \(poID) line \(line) is confirmed twice (first at \(first)) — expected one confirmation per line"
                        )
                    } else {
                        confirmedLines[lineKey] = row.position
                    }
                }
                if let id = update.receiptID {
                    if let first = receiptIDs[id] {
                        fail("receipt_id", "expected each receipt once (first at \(first))")
                    } else {
                        receiptIDs[id] = row.position
                    }
                }
            }
            if rowErrors.isEmpty {
                if given.isEmpty { update.receiptID = nil }
                out.append(update)
            }
            errors += rowErrors
        }
        guard errors.isEmpty else { throw CSVDocument.Failure(message: errors.joined(separator: "\n")) }
        return out
    }
}
