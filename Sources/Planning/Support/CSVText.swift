/// RFC 4180 CSV text, for the exports written below the front doors (provision runs, the exposure
/// report): a field with a comma, quote or line break is quoted, its quotes doubled.
enum CSVText {
    /// One field.
    static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : s
    }

    /// A header and rows, each line ended by a line feed.
    static func document(columns: [String], rows: [[String]]) -> String {
        var out = columns.map(field).joined(separator: ",") + "\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\n" }
        return out
    }
}
