import ArgumentParser
import Foundation
import InventoryCore
import Planning
import Storage

/// `procura kpis DATA|--database URL [--by category|location|class] [--format table|csv|json]`.
struct KPIsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract: "Inventory KPIs: value, turns, days on hand, fill rate, stock-outs, ABC-XYZ matrix, alerts.",
        discussion: """
            The dashboard's figures (the same numbers as the web dashboard and GET /api/v1/dashboard): \
            with DATA, the data folder is planned first; without it, the latest plan run stored in the \
            database (--database or $PROCURA_DATABASE_URL) is used. Flows cover the classification \
            window (the last classification.window_buckets complete periods). docs/web.md \
            ("Dashboard figures") has every formula. Exit status 65 with every error on stderr when \
            DATA is not valid.
            """)

    @Argument(help: "A data folder to plan and measure instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Groups: category, location or class (ABC-XYZ); default: all three.") var by: KPIGroupingArgument?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        if data != nil, db.database != nil { throw ValidationError("give either a data folder or --database, not both") }
    }

    func run() async throws {
        let configuration = InventoryKPIs.Configuration(groupings: by.map { [$0.grouping] } ?? InventoryKPIs.Grouping.allCases)
        let kpis: InventoryKPIs
        if let data {
            let snapshot = try DataFolderLoading.load(data, quiet: quiet)
            let progress = TerminalProgress(quiet: quiet)
            kpis = await InventoryKPIs.planned(snapshot: snapshot, configuration: configuration, progress: progress)
            progress.clear()
        } else {
            kpis = try await db.withStore { try await $0.inventoryKPIs(configuration: configuration) }
        }
        let rendering = KPIRendering(kpis: kpis, groupings: configuration.groupings)
        switch format {
        case .table: StandardStreams.out(rendering.table)
        case .csv: StandardStreams.out(rendering.csv)
        case .json: StandardStreams.out(try rendering.json() + "\n")
        }
    }
}

/// `--by category|location|class`.
enum KPIGroupingArgument: String, ExpressibleByArgument, CaseIterable {
    case category, location, `class`

    var grouping: InventoryKPIs.Grouping {
        switch self {
        case .category: .category
        case .location: .location
        case .class: .abcClass
        }
    }
}
