import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura root-causes DATA|--database URL [--from DATE] [--to DATE] [--by category|supplier]
/// [--format table|csv|json]`: stock-outs and excess with their likely causes, and the Pareto.
struct RootCausesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "root-causes",
        abstract: "Stock-outs and excess positions with their likely causes and evidence; a Pareto of causes.",
        discussion: """
            Each stock-out (a run of buckets with stock-out days in --from … --to, default the \
            classification window) and each excess or obsolete position today (as procura excess) is \
            attributed to every cause the data supports: forecast_under / forecast_over (demand beyond \
            a moving-average forecast ± its error), demand_shift, supplier_late (received after the \
            PO's due date in receipts.csv), lead_time_longer (than sourcing.csv), order_late (ordered too late to arrive before it at the planned lead time), override (in force), \
            moq_excess, over_delivery, no_demand — unexplained when none. The Pareto splits each \
            event equally among its causes. The table shows the Paretos (total and --by, default \
            category) and the 20 stock-outs and 10 excess positions with most value at stake; csv one \
            row per event and cause; json the whole report. docs/kpis.md has the rules.
            """)

    @Argument(help: "A data folder to analyse instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "First day of the stock-out window (YYYY-MM-DD).") var from: String?
    @Option(help: "Last day of the stock-out window (YYYY-MM-DD).") var to: String?
    @Option(help: "Pareto per category or supplier (table).") var by: RootCauseGrouping = .category
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        try DateWindowCheck.validate(from: from, to: to)
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let configuration = RootCauseAnalysis.Configuration(
            from: from.flatMap { Day(iso: $0) }, to: to.flatMap { Day(iso: $0) })
        do {
            _ = try KPIWindow.columns(
                snapshot.demand, from: configuration.from, to: configuration.to,
                defaultBuckets: snapshot.settings.classification.windowBuckets)
        } catch {
            throw CommandFailure.usage("--from/--to: " + error.message)
        }
        let progress = TerminalProgress(quiet: quiet)
        let report: RootCauseReport
        do {
            report = try await RootCauseAnalysis.run(snapshot: snapshot, configuration: configuration, progress: progress)
            progress.clear()
        } catch {
            progress.clear()
            throw CommandFailure.invalidData(error.message)
        }
        switch format {
        case .table: StandardStreams.out(RootCauseRendering.table(report, by: by.rawValue))
        case .csv: StandardStreams.out(RootCauseRendering.csv(report))
        case .json: StandardStreams.out(try JSONValueEncoder().encode(report).pretty + "\n")
        }
    }
}

/// `--by category|supplier`.
enum RootCauseGrouping: String, ExpressibleByArgument, CaseIterable {
    case category, supplier
}

/// `procura root-causes` output.
enum RootCauseRendering {
    static func csv(_ report: RootCauseReport) -> String {
        var out = CSVOutput()
        out.row([
            "kind", "item_id", "location_id", "category", "supplier_id", "start", "end", "stockout_days", "value", "cause",
            "evidence",
        ])
        for e in report.events {
            for c in e.causes {
                out.row([
                    e.kind.rawValue, e.itemId, e.locationId, e.category, e.supplierId, e.start, e.end, String(e.stockoutDays),
                    NumberFormat.csv(e.value), c.code, c.evidence,
                ])
            }
        }
        return out.text
    }

    static func table(_ report: RootCauseReport, by: String) -> String {
        var out =
            "Root causes as of \(report.asOf): stock-outs \(report.from) … \(report.to), excess today; values in \(report.currency)\n"
        for kind in RootCauseReport.Kind.allCases {
            let paretos = report.pareto.filter { $0.kind == kind && ($0.grouping == "total" || $0.grouping == by) }
            for p in paretos {
                let title = p.grouping == "total" ? "all" : "\(p.grouping) \(p.name)"
                out +=
                    "\n\(kind == .stockout ? "Stock-outs" : "Excess positions"), \(title): \(NumberFormat.grouped(Double(p.events))) events, \(NumberFormat.grouped(p.value)) at stake\n"
                var table = TextTable([("cause", .left), ("events", .right), ("share", .right), ("cumulative", .right)])
                for c in p.causes {
                    table.append([
                        c.cause, NumberFormat.grouped(Double(c.events)), NumberFormat.percent(c.share),
                        NumberFormat.percent(c.cumulativeShare),
                    ])
                }
                out += table.rendered
            }
        }
        for (kind, count) in [(RootCauseReport.Kind.stockout, 20), (.excess, 10)] {
            let events = report.events.filter { $0.kind == kind }.prefix(count)
            guard !events.isEmpty else { continue }
            out += "\nLargest \(kind == .stockout ? "stock-outs" : "excess positions")\n"
            for e in events {
                out +=
                    "  \(e.itemId) @ \(e.locationId) \(e.start) … \(e.end): \(NumberFormat.grouped(e.value)) \(report.currency)\n"
                for c in e.causes { out += "    \(c.code): \(c.evidence)\n" }
            }
        }
        return out
    }
}
