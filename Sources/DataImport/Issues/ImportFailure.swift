/// The import found errors and applied nothing (all or nothing).
///
/// ``issues`` holds the errors (up to the configured limit, ``DataFolderImporter/Configuration/errorLimit``)
/// and the warnings, in file order; the counts say how many more were found but not kept.
public struct ImportFailure: Error, Sendable, CustomStringConvertible {
    /// The errors and warnings kept, errors first, each group in file and line order.
    public var issues: [ImportIssue]
    /// Errors found beyond the limit.
    public var omittedErrorCount: Int
    /// Warnings found beyond the limit.
    public var omittedWarningCount: Int

    /// Creates a failure.
    public init(issues: [ImportIssue], omittedErrorCount: Int = 0, omittedWarningCount: Int = 0) {
        self.issues = issues
        self.omittedErrorCount = omittedErrorCount
        self.omittedWarningCount = omittedWarningCount
    }

    /// The errors kept.
    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }
    /// The warnings kept.
    public var warnings: [ImportIssue] { issues.filter { $0.severity == .warning } }
    /// All errors found, kept or not.
    public var errorCount: Int { errors.count + omittedErrorCount }

    /// One error per line, then `… and N more errors`, then the warnings prefixed `warning: `.
    public var description: String {
        var lines = errors.map(\.description)
        if omittedErrorCount > 0 { lines.append("… and \(omittedErrorCount) more errors") }
        lines += warnings.map { "warning: " + $0.description }
        if omittedWarningCount > 0 { lines.append("… and \(omittedWarningCount) more warnings") }
        return lines.joined(separator: "\n")
    }
}
