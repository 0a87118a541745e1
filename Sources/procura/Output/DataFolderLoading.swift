import ArgumentParser
import DataImport
import Foundation
import InventoryCore

/// Loads a data folder for a command: progress on a terminal, warnings and errors on stderr,
/// exit code 65 (invalid data) with every error listed when the folder is not valid.
enum DataFolderLoading {
    /// Exit status for invalid input data (`EX_DATAERR`).
    static let invalidData = ExitCode(65)

    static func load(_ path: String, quiet: Bool = false) throws -> Snapshot {
        let showProgress = !quiet && StandardStreams.errorIsTerminal
        var configuration = DataFolderImporter.Configuration(today: PostCommand.today())
        if showProgress {
            configuration.progress = { @Sendable (file: DataFolderFile, rows: Int) in
                let count = NumberFormat.grouped(Double(rows))
                StandardStreams.error("\rreading \(file.rawValue): \(count) rows\u{1B}[K")
            }
        }
        let importer = DataFolderImporter(configuration: configuration)
        do {
            let result = try importer.load(from: URL(fileURLWithPath: path))
            if showProgress { StandardStreams.error("\r\u{1B}[K") }
            for warning in result.warnings { StandardStreams.error("warning: \(warning.description)\n") }
            if result.omittedWarningCount > 0 {
                StandardStreams.error("warning: … and \(result.omittedWarningCount) more warnings\n")
            }
            return result.snapshot
        } catch {
            if showProgress { StandardStreams.error("\r\u{1B}[K") }
            StandardStreams.error(error.description + "\n")
            throw invalidData
        }
    }
}
