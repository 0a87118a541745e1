/// A supplier's stock statement (`procura reconcile consignment --statement FILE`): CSV with the
/// columns `item_id`, `location_id` and `quantity` (base units), and optionally `supplier_id`.
///
/// Rows of another supplier (a `supplier_id` that is not `supplierID`) are left out, so one file
/// can hold several suppliers' statements. Errors read like the data-folder import's:
/// `statement.csv:3:3: quantity 'x' — expected a number`.
public enum SupplierStatement {
    /// The required columns.
    public static let columns = ["item_id", "location_id", "quantity"]

    /// The largest quantity a statement line may state, in base units (the ledger's range is far
    /// above it; a larger figure is a typing error, not stock).
    public static let maximumQuantity = 1e12

    /// Why a stated quantity is refused, or `nil` when it is a number of base units from 0 to
    /// ``maximumQuantity`` — the one check of the CSV statement and of the API's JSON statement.
    public static func problem(quantity: Double) -> String? {
        quantity.isFinite && quantity >= 0 && quantity <= maximumQuantity ? nil : "expected a number of base units from 0 to 10¹²"
    }

    /// Reads the statement at `path` for `supplierID`; messages name the file `name`.
    ///
    /// - Throws: ``CSVDocument/Failure`` with every error found, one per line of its message.
    public static func read(path: String, name: String, supplierID: String) throws(CSVDocument.Failure) -> [StockStatementLine] {
        try lines(of: try CSVDocument(path: path, name: name), name: name, supplierID: supplierID)
    }

    /// Reads a statement given as CSV text (an upload on the reconciliation page) for `supplierID`.
    public static func read(text: String, name: String, supplierID: String) throws(CSVDocument.Failure) -> [StockStatementLine] {
        try lines(of: try CSVDocument(text: text, name: name), name: name, supplierID: supplierID)
    }

    private static func lines(of csv: CSVDocument, name: String, supplierID: String) throws(CSVDocument.Failure)
        -> [StockStatementLine]
    {
        let missing = columns.filter { csv.column($0) == nil }
        guard missing.isEmpty, let item = csv.column("item_id"), let location = csv.column("location_id"),
            let quantity = csv.column("quantity")
        else {
            throw CSVDocument.Failure(
                message:
                    "\(name):1: missing column(s) \(missing.joined(separator: ", ")) — expected the columns item_id, location_id, quantity"
            )
        }
        let supplierColumn = csv.column("supplier_id")
        var lines: [StockStatementLine] = []
        var errors: [String] = []
        for (line, fields) in csv.rows {
            func field(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
            if let s = supplierColumn, !field(s).isEmpty, field(s) != supplierID { continue }
            for (column, what) in [(item, "item_id"), (location, "location_id")] where field(column).isEmpty {
                errors.append("\(name):\(line):\(column + 1): \(what) '' — expected a key")
            }
            guard let q = Double(field(quantity)), q.isFinite else {
                errors.append("\(name):\(line):\(quantity + 1): quantity '\(field(quantity))' — expected a number")
                continue
            }
            if let problem = problem(quantity: q) {
                errors.append("\(name):\(line):\(quantity + 1): quantity '\(field(quantity))' — \(problem)")
                continue
            }
            lines.append(StockStatementLine(itemID: field(item), locationID: field(location), quantity: q))
        }
        guard errors.isEmpty else { throw CSVDocument.Failure(message: errors.joined(separator: "\n")) }
        return lines
    }
}
