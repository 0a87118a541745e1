import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura excess DATA|--database URL [--by category|location|class] [--format table|csv|json]`:
/// excess and obsolete stock and the write-down provision (``Planning/ExcessExposure``).
struct ExcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "excess",
        abstract: "Excess and obsolete stock and its write-down provision, per item-location and in total.",
        discussion: """
            The data (a folder, or the database: --database or $PROCURA_DATABASE_URL) is planned; for every \
            item-location with owned lots on hand, excess = on hand − the forecast over the coverage of \
            its ABC class (excess.coverage_months_a/b/c), taken from the oldest lots first; obsolete = no \
            demand for excess.obsolete_after_months months; the provision applies the age-bucket rates, \
            excess.excess_provision_rate and excess.obsolete_provision_rate (definitions of \
            excess_obsolescence.json, the same function as procura calc excess). The table shows the \
            totals, one grouping (--by, default category) and the 20 largest provisions; csv every \
            item-location with excess, obsolete stock or a provision; json the whole report. \
            docs/excess.md has the definitions.
            """)

    @OptionGroup var options: ExcessOptions

    func run() async throws {
        let document = try await options.document()
        switch options.format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(document).pretty + "\n")
        case .csv: StandardStreams.out(ExcessRendering.lines(document).csv)
        case .table: StandardStreams.out(ExcessRendering.excessTable(document, by: options.by))
        }
    }
}

/// The flags `procura excess` and `procura aging` share, and the report they read.
struct ExcessOptions: ParsableArguments {
    @Argument(help: "A data folder to plan and evaluate instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Group by category, location or class.") var by: ExcessGrouping = .category
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
    }

    /// The report of the data folder or the database.
    func document() async throws -> ExcessDocument {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        defer { progress.clear() }
        do {
            return try await ExcessExposure.planned(snapshot: snapshot, progress: progress)
        } catch {
            throw CommandFailure.invalidData(error.message)
        }
    }
}

/// `procura aging DATA|--database URL [--by category|location|class] [--format table|csv|json]`:
/// the owned stock's value per age bucket.
struct AgingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aging",
        abstract:
            "The owned stock's value per age bucket (excess.age_buckets) and without movement, per category, location or class.",
        discussion: """
            Ages are days since each lot's receipt (the lots of the ledger: inventory.csv's lots and \
            every receipt since), valued by ledger.valuation, in the buckets of excess.age_buckets \
            (default 0–180, 181–365, 366–730, 731+ days); item-locations without a ledger movement for \
            excess.no_movement_after_months months (default 6) are counted with their value. The same \
            report as procura excess; \
            docs/excess.md has the definitions.
            """)

    @OptionGroup var options: ExcessOptions

    func run() async throws {
        let document = try await options.document()
        let report = ExcessRendering.aging(document, by: options.by, format: options.format)
        let title = "Stock by age as of \(document.asOf) (\(options.by.rawValue))"
        StandardStreams.out(report.rendered(options.format, title: title))
    }
}

/// `--by category|location|class`.
enum ExcessGrouping: String, ExpressibleByArgument, CaseIterable {
    case category, location, `class`

    func groups(_ d: ExcessDocument) -> [ExcessDocument.Figures] {
        switch self {
        case .category: d.byCategory
        case .location: d.byLocation
        case .class: d.byClass
        }
    }
}
