import Foundation

/// The internal knobs of one import run (the public ``DataFolderImporter/Configuration`` plus
/// buffer sizes that tests shrink to exercise chunk boundaries).
struct ImportOptions: Sendable {
    /// Errors (and, separately, warnings) kept before counting the rest.
    var errorLimit: Int = 100
    /// Called with the file and the number of rows read so far.
    var progress: (@Sendable (DataFolderFile, Int) -> Void)?
    /// Rows between progress calls.
    var progressInterval: Int = 100_000
    /// CSV buffer sizes.
    var csv = CSVReader.Configuration()
}
