import InventoryCore

/// A report of text cells under named columns, in the three output formats of the reporting
/// commands: a table (numeric columns right-aligned), CSV (the columns as the header), or JSON (an
/// array of objects keyed by column, numeric columns as numbers).
struct RowReport {
    /// Column names (also the CSV header and the JSON keys).
    var columns: [String]
    /// Which columns hold numbers.
    var numeric: Set<Int>
    /// The rows, one cell per column.
    var rows: [[String]]

    /// The rows as CSV with a header line.
    var csv: String {
        var out = CSVOutput()
        out.row(columns)
        for r in rows { out.row(r) }
        return out.text
    }

    /// The rows as an aligned table (nothing when there are none).
    var table: String {
        var table = TextTable(columns.enumerated().map { ($1, numeric.contains($0) ? .right : .left) })
        for r in rows { table.append(r) }
        return table.rendered
    }

    /// The rows as JSON objects; a numeric cell is a number (an empty one `null`).
    var json: JSONValue {
        .array(
            rows.map { row in
                .object(
                    columns.enumerated().map { k, name in
                        let cell = k < row.count ? row[k] : ""
                        guard numeric.contains(k) else { return (name, .string(cell)) }
                        return (name, Double(cell).map { .number($0) } ?? .null)
                    })
            })
    }

    /// The report in `format`; a table gets `title` above it (and "none" for no rows).
    func rendered(_ format: OutputFormat, title: String) -> String {
        switch format {
        case .csv: return csv
        case .json: return json.pretty + "\n"
        case .table: return title + "\n" + (rows.isEmpty ? "none\n" : table)
        }
    }
}
