import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage
import WebApp

/// `procura exposure [report] …|close|closes`: the report (the default subcommand, so `procura
/// exposure DATA` reads as before) and its month-end closes.
struct ExposureCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: ExposureCommand.configuration.abstract,
        discussion: ExposureCommand.configuration.discussion,
        subcommands: [ExposureCommand.self, ExposureCloseCommand.self, ExposureClosesCommand.self],
        defaultSubcommand: ExposureCommand.self)
}

/// `procura exposure DATA|--database URL [--month YYYY-MM] [--by …] [--format table|csv|json]
/// [--pdf FILE]`: the monthly excess exposure report and the over-ordering signals
/// (``Planning/ExposureReport``; docs/excess.md, "Monthly exposure report").
struct ExposureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "The monthly excess exposure report: totals, trend, top items, groups, new excess and its causes, over-ordering by buyer, planner and supplier.",
        discussion: """
            The exposure is the excess of procura excess (all owned stock when obsolete), on the same \
            day and with the same total. Each item-location's exposure is attributed to the decisions \
            that created it — a purchase order raised above its proposal (the database's orders), an \
            override above the computed value, the supplier's minimum order above the need — first, \
            then shared equally among the root causes that fire (forecast_over, demand_shift, no_demand, \
            …; procura root-causes). New exposure is the part that arrived this month. The trend is \
            procura kpis --by month's excess and obsolete value. The table shows the totals, the trend, \
            one grouping (--by, default buyer) and the 20 largest positions; csv one row per \
            item-location and cause; json the whole report; --pdf also prints the report's page to a \
            PDF (needs chromium). docs/excess.md has the definitions and the incentive metric.

            With a database, finance closes the valuation month (procura exposure close --month M --as \
            USER): the whole report is stored as it is then, once. --month of a closed month then prints \
            the stored close (source: closed, closed_at, closed_by); the valuation month is computed now \
            (source: computed), beside the closes: the trend gains each closed month's exposure and "new \
            since the close" compares every item-location with the last close before the month. A past \
            month that was not closed is refused. procura exposure closes lists the closes.
            """)

    @Argument(help: "A data folder to plan and evaluate instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(
        help: ArgumentHelp(
            "The report's month, YYYY-MM (default: the valuation day's; a closed month: its stored close).",
            valueName: "yyyy-mm"))
    var month: String?
    @Option(help: "Group by buyer, planner, supplier, category or location.") var by: ExposureGrouping = .buyer
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Option(help: ArgumentHelp("Also print the report to this PDF file (needs chromium).", valueName: "file"))
    var pdf: String?
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        if let month {
            do {
                try ExposureReport.checkMonth(month)
            } catch {
                throw ValidationError("--month: \(error.message)")
            }
        }
    }

    func run() async throws {
        let report = try await document()
        if let pdf {
            do {
                try await ExposurePrint.pdf(report, to: pdf)
            } catch let error as PDFPrinter.Failure {
                throw CommandFailure(error.message)
            }
        }
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(report).pretty + "\n")
        case .csv: StandardStreams.out(ExposureExport.csv(report))
        case .table: StandardStreams.out(ExposureRendering.table(report, by: by))
        }
    }

    /// The report of the data folder or the database.
    func document() async throws -> ExposureReport {
        let progress = TerminalProgress(quiet: quiet)
        defer { progress.clear() }
        do {
            if let data {
                let snapshot = try DataFolderLoading.load(data, quiet: quiet)
                return try await ExposureReport.planned(snapshot: snapshot, month: month, progress: progress)
            }
            let month = month
            return try await db.withStore { try await $0.exposureReport(month: month, progress: progress) }
        } catch let error as PolicyError {
            throw CommandFailure.invalidData(error.message)
        }
    }
}

/// `--by buyer|planner|supplier|category|location`.
enum ExposureGrouping: String, ExpressibleByArgument, CaseIterable {
    case buyer, planner, supplier, category, location

    func groups(_ r: ExposureReport) -> [ExposureReport.Figures] {
        switch self {
        case .buyer: r.byBuyer
        case .planner: r.byPlanner
        case .supplier: r.bySupplier
        case .category: r.byCategory
        case .location: r.byLocation
        }
    }
}
