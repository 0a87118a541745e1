import Foundation
import InventoryCore

/// The internal knobs of one import run (the public ``DataFolderImporter/Configuration`` plus
/// buffer sizes that tests shrink to exercise chunk boundaries).
struct ImportOptions: Sendable {
    /// Errors (and, separately, warnings) kept before counting the rest.
    var errorLimit: Int = 100
    /// Hears the file and the number of rows read so far.
    var progress: any ProgressReporter = SilentProgress()
    /// Rows between progress calls.
    var progressInterval: Int = 100_000
    /// CSV buffer sizes.
    var csv = CSVReader.Configuration()
}
