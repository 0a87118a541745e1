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
    /// The day posting dates are checked against (``LedgerSettings``); `nil`: not checked.
    var today: Day?
    /// Files read from elsewhere than the folder (`procura post --file`): the path to read and the
    /// name messages give.
    var fileOverrides: [DataFolderFile: (path: String, name: String)] = [:]
}
