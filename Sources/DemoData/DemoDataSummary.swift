/// What ``DemoDataWriter`` wrote: each file and its number of data rows (headers not counted).
public struct DemoDataSummary: Hashable, Sendable, CustomStringConvertible {
    /// One written file.
    public struct File: Hashable, Sendable {
        /// File name inside the output folder.
        public var name: String
        /// Data rows (lines for `settings.yaml`).
        public var rows: Int
    }

    /// The files in the order they were written.
    public var files: [File]
    /// The supplier statements (`statements/<supplier_id>.csv`), by supplier key.
    public var statements: [File] = []
    /// The differences planted in those statements (``DemoStatementDifference``).
    public var plantedStatementDifferences: [DemoStatementDifference] = []

    /// Number of files.
    public var fileCount: Int { files.count }

    /// Rows over all files.
    public var totalRows: Int { files.reduce(0) { $0 + $1.rows } }

    /// Rows of one file, or `nil` when it was not written.
    public func rows(in name: String) -> Int? { files.first { $0.name == name }?.rows }

    /// One line: `13 files, 1234567 rows (demand.csv 1000000, …)`.
    public var description: String {
        let parts = files.filter { $0.name.hasSuffix(".csv") }.map { "\($0.name) \($0.rows)" }
        return "\(fileCount) files, \(totalRows) rows (\(parts.joined(separator: ", ")))"
    }
}
