public import Foundation
public import InventoryCore

/// A `transactions.csv` read on its own, for posting to the database (`procura post --file`):
/// the same reader as the data-folder import (``DataFolderImporter``), with the same checks and
/// messages (`ledger.csv:3:7: reason '' — expected a reason, required for scrap postings`).
///
/// The master data is the database's, so item, location and supplier keys are taken as given and
/// units are converted there; the database also checks the posting-date window with its settings.
public enum TransactionsFile {
    /// One posting request and the line it starts on.
    public struct Row: Sendable {
        /// Physical line of the row (the header is line 1).
        public var line: Int
        /// The posting.
        public var request: PostingRequest
    }

    /// Reads the file at `path`; messages name it `name` (`-` for standard input reads as `stdin`).
    ///
    /// - Throws: ``ImportFailure`` with every error found (up to `errorLimit`); nothing is
    ///   returned then.
    public static func read(path: String, name: String, errorLimit: Int = 100) throws(ImportFailure) -> [Row] {
        var options = ImportOptions()
        options.errorLimit = errorLimit
        options.fileOverrides[.transactions] = (path, name)
        guard FileManager.default.fileExists(atPath: path) else {
            var issue = ImportIssue(
                severity: .error, code: .missingFile, file: .transactions,
                message: "file not found — give the path of a transactions.csv file")
            issue.fileName = name
            throw ImportFailure(issues: [issue])
        }
        var run = ImportRun(folder: URL(fileURLWithPath: "/"), options: options)
        run.itemKeys.isImplicit = true
        run.locationKeys.isImplicit = true
        run.supplierKeys.isImplicit = true
        run.readTransactions(standalone: true)
        guard run.rowCounts[.transactions] != nil, !run.log.hasErrors else {
            var failure = run.log.failure()
            for i in failure.issues.indices where failure.issues[i].file == .transactions { failure.issues[i].fileName = name }
            if run.rowCounts[.transactions] == nil, !run.log.hasErrors {
                var issue = ImportIssue(
                    severity: .error, code: .emptyFile, file: .transactions,
                    message:
                        "empty file — expected a header line naming the columns (key, date, type, item_id, location_id, quantity, …)"
                )
                issue.fileName = name
                failure.issues = [issue]
            }
            throw failure
        }
        return run.standaloneRequests.map { Row(line: $0.line, request: $0.request) }
    }
}
