/// Collects the issues of one import run, keeping at most `limit` errors and `limit` warnings and
/// counting the rest.
///
/// A class so that the CSV row accessors and the file readers of one run can share it without
/// threading `inout` through every call; it lives only inside one `DataFolderImporter.load` call
/// and is never shared across threads.
final class IssueLog {
    let limit: Int
    private(set) var kept: [ImportIssue] = []
    private(set) var errorCount = 0
    private(set) var warningCount = 0
    private var keptErrors = 0
    private var keptWarnings = 0

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    var hasErrors: Bool { errorCount > 0 }

    func add(_ issue: ImportIssue) {
        switch issue.severity {
        case .error:
            errorCount += 1
            guard keptErrors < limit else { return }
            keptErrors += 1
        case .warning:
            warningCount += 1
            guard keptWarnings < limit else { return }
            keptWarnings += 1
        }
        kept.append(issue)
    }

    /// Kept issues of one severity, in file read order, then line, then column (stable).
    func sorted(_ severity: ImportIssue.Severity) -> [ImportIssue] {
        let order = Dictionary(uniqueKeysWithValues: DataFolderFile.allCases.enumerated().map { ($1, $0) })
        return kept.enumerated()
            .filter { $0.element.severity == severity }
            .sorted { a, b in
                let fa = a.element.file.flatMap { order[$0] } ?? -1
                let fb = b.element.file.flatMap { order[$0] } ?? -1
                if fa != fb { return fa < fb }
                let la = a.element.line ?? 0
                let lb = b.element.line ?? 0
                if la != lb { return la < lb }
                let ca = a.element.column ?? 0
                let cb = b.element.column ?? 0
                if ca != cb { return ca < cb }
                return a.offset < b.offset
            }
            .map(\.element)
    }

    var omittedErrors: Int { errorCount - keptErrors }
    var omittedWarnings: Int { warningCount - keptWarnings }

    /// The failure holding everything kept.
    func failure() -> ImportFailure {
        ImportFailure(
            issues: sorted(.error) + sorted(.warning), omittedErrorCount: omittedErrors,
            omittedWarningCount: omittedWarnings
        )
    }
}
