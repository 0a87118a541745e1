/// The columns one data-folder CSV file accepts: the raw value is the header name (lower case),
/// ``isRequired`` says whether the file is rejected without it.
protocol CSVColumn: CaseIterable, Hashable, RawRepresentable, Sendable where RawValue == String, AllCases == [Self] {
    /// Whether a header without this column is an error.
    var isRequired: Bool { get }
}

/// A resolved column: its position in this file's header (`nil` when the optional column is
/// absent) and its name for messages.
struct CSVField: Sendable {
    /// 0-based field index in the records, or `nil` when the header lacks the column.
    var index: Int?
    /// Column name, as in DATA_FORMAT.md.
    var name: String
    /// 1-based column number for messages.
    var column: Int? { index.map { $0 + 1 } }
}
