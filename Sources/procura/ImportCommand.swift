import ArgumentParser
import DataImport
import Foundation
import InventoryCore
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
            Exit status 65 with every error on stderr when DATA is not valid; 1 when the database
            refuses it (a posting that would make stock negative, say) — nothing is written then.
            """)

    @Argument(help: "The data folder (DATA_FORMAT.md).") var data: String
    @OptionGroup var db: DatabaseOptions
    @Flag(help: "No progress on standard error.") var quiet = false
    @Flag(help: "Report each part of the database write on standard error (`writing demand (uncommitted)`).")
    var progress = false

    func run() async throws {
        let snapshot = try DataFolderLoading.load(data, quiet: quiet)
        let report: any ProgressReporter = progress ? LineProgress(suffix: "(uncommitted)") : SilentProgress()
        let settingsYAML = SettingsText.read(folder: URL(fileURLWithPath: data))
        let summary = try await db.withStore {
            try await $0.importSnapshot(snapshot, settingsYAML: settingsYAML, today: PostCommand.today(), progress: report)
        }
        var out = "imported \(data) into \(try db.url())\n"
        for table in [
            "items", "locations", "suppliers", "uom_conversions", "sourcing", "demand", "open_orders", "receipts", "overrides",
        ] {
            out += "  \(table): \(summary.upserted[table] ?? 0)\n"
        }
        out += "  postings: \(summary.postingsPosted) posted, \(summary.postingsReplayed) already posted\n"
        out += "  stock counts: \(summary.countsPosted) posted, \(summary.countsReplayed) already posted\n"
        out += "  stock history: \(summary.stockHistoryDays) days\n"
        out += "  open orders closed (absent from the extract): \(summary.ordersClosed)\n"
        StandardStreams.out(out)
    }
}
