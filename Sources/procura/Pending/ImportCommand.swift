// PENDING (lead): excluded from the build (Package.swift `exclude: ["Pending"]`) until
// DataImport's `DataFolderImporter` is on main; then move this file to Sources/procura/ and add
// `ImportCommand.self` to Procura's subcommands. Written against the importer's API:
// `DataFolderImporter().load(from:) throws(ImportFailure) -> ImportResult` (`.snapshot`, `.warnings`).
import ArgumentParser
import DataImport
import Foundation
import Storage

/// `procura import DATA`: a data folder into the database, all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a data folder into the database in one transaction (nothing partial on any error).",
        discussion: """
            Master data is upserted; demand rows and ledger postings are idempotent by key, so
            importing the same folder twice changes nothing. inventory.csv is a stock count at the
            snapshot date: positions are adjusted to it (reason stock_count).
            """)

    @Argument(help: "The data folder (DATA_FORMAT.md).") var data: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let result: ImportResult
        do {
            result = try DataFolderImporter().load(from: URL(fileURLWithPath: data))
        } catch {
            StandardStreams.error(error.description + "\n")
            StandardStreams.error("error: the import found \(error.errorCount) error(s); nothing was written\n")
            throw ExitCode.failure
        }
        for warning in result.warnings { StandardStreams.error("warning: \(warning.description)\n") }
        let summary = try await db.withStore { try await $0.importSnapshot(result.snapshot) }
        var out = "imported \(data) into \(try db.url())\n"
        for table in ["items", "locations", "suppliers", "uom_conversions", "sourcing", "demand", "open_orders", "receipts", "overrides"] {
            out += "  \(table): \(summary.upserted[table] ?? 0)\n"
        }
        out += "  postings: \(summary.postingsPosted) posted, \(summary.postingsReplayed) already posted\n"
        out += "  stock counts: \(summary.countsPosted) posted, \(summary.countsReplayed) already posted\n"
        StandardStreams.out(out)
    }
}
