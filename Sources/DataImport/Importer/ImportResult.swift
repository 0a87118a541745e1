public import InventoryCore

/// What a successful import produced.
public struct ImportResult: Sendable {
    /// The validated snapshot.
    public var snapshot: Snapshot
    /// Warnings (unknown columns and settings keys, ignored rows), in file and line order, up to
    /// the configured limit.
    public var warnings: [ImportIssue]
    /// Warnings found beyond the limit.
    public var omittedWarningCount: Int
    /// Data rows read per file (header not counted); files that are absent have no entry.
    public var rowCounts: [DataFolderFile: Int]

    /// Creates a result.
    public init(
        snapshot: Snapshot, warnings: [ImportIssue], omittedWarningCount: Int = 0, rowCounts: [DataFolderFile: Int]
    ) {
        self.snapshot = snapshot
        self.warnings = warnings
        self.omittedWarningCount = omittedWarningCount
        self.rowCounts = rowCounts
    }
}
