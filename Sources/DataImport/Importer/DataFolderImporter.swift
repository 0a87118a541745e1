public import Foundation
public import InventoryCore

/// Loads a data folder (DATA_FORMAT.md) into a validated in-memory ``Snapshot``.
///
/// The import is all or nothing: it reads every file, collects every error (up to
/// ``Configuration/errorLimit``) and then either throws an ``ImportFailure`` holding all errors
/// and warnings, or returns an ``ImportResult`` with the snapshot and the warnings.
///
/// Files are read in the order of ``DataFolderFile/allCases``: `settings.yaml` first (its bucket
/// size decides how demand is bucketed), then master data, sourcing and inventory (whose `as_of`
/// fixes the snapshot date), then `demand.csv`, which is streamed and bucketed on the fly —
/// memory grows with the number of distinct (item-location, bucket) pairs, not with the number
/// of rows — and the remaining files.
///
/// ```swift
/// let result = try DataFolderImporter().load(from: URL(fileURLWithPath: "demo"))
/// print(result.snapshot.asOf, result.rowCounts[.demand] ?? 0)
/// ```
public struct DataFolderImporter: Sendable {
    /// Options of an import.
    public struct Configuration: Sendable {
        /// Errors kept and listed before the rest are only counted (`… and N more errors`);
        /// warnings are limited separately by the same number. Default 100.
        public var errorLimit: Int
        /// Hears each CSV file (the step, named as the file) and the number of its rows read so
        /// far, every ~100,000 rows and once at the end of the file. Called on the importing thread.
        public var progress: any ProgressReporter
        /// Bytes read at a time (internal: tests make it tiny to cross chunk boundaries).
        var chunkSize: Int = 1 << 20

        /// Creates a configuration.
        public init(errorLimit: Int = 100, progress: any ProgressReporter = SilentProgress()) {
            self.errorLimit = errorLimit
            self.progress = progress
        }
    }

    /// The options.
    public var configuration: Configuration

    /// Creates an importer.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Reads and validates the data folder at `folder`.
    ///
    /// - Returns: the snapshot, the warnings and the rows read per file.
    /// - Throws: ``ImportFailure`` with every error found (and the warnings) when anything is
    ///   wrong; nothing is returned then.
    public func load(from folder: URL) throws(ImportFailure) -> ImportResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ImportFailure(issues: [
                ImportIssue(
                    severity: .error, code: .folderNotFound, file: nil,
                    message: "data folder '\(folder.path)' not found — expected a folder with items.csv and demand.csv"
                )
            ])
        }
        var options = ImportOptions()
        options.errorLimit = configuration.errorLimit
        options.progress = configuration.progress
        options.csv.chunkSize = configuration.chunkSize
        var run = ImportRun(folder: folder, options: options)
        guard let snapshot = run.run() else { throw run.log.failure() }
        return ImportResult(
            snapshot: snapshot, warnings: run.log.sorted(.warning), omittedWarningCount: run.log.omittedWarnings,
            rowCounts: run.rowCounts
        )
    }
}
