import ArgumentParser
import DataImport
import Foundation
import InventoryCore

/// Loads a data folder for a command: progress on a terminal, warnings and errors on stderr,
/// exit status 65 (invalid data) with every error listed when the folder is not valid.
enum DataFolderLoading {
    static func load(_ path: String, quiet: Bool = false) throws -> Snapshot {
        let progress = TerminalProgress(quiet: quiet)
        let importer = DataFolderImporter(configuration: .init(progress: progress))
        do {
            let result = try importer.load(from: URL(fileURLWithPath: path))
            progress.clear()
            for warning in result.warnings { StandardStreams.error("warning: \(warning.description)\n") }
            if result.omittedWarningCount > 0 {
                StandardStreams.error("warning: … and \(result.omittedWarningCount) more warnings\n")
            }
            return result.snapshot
        } catch {
            progress.clear()
            throw CommandFailure.invalidData(error.description)
        }
    }
}
