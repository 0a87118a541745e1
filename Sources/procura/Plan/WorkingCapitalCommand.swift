import ArgumentParser
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura working-capital DATA|--database URL [--target AMOUNT] [--floors A:0.97,…] [--levels …]
/// [--format table|csv|json]`: inventory investment against service per ABC class
/// (``Planning/WorkingCapitalFrontier``).
struct WorkingCapitalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "working-capital",
        abstract:
            "Working capital vs service: the efficient frontier per ABC class, the current point, and the cheapest way to reach a working-capital target.",
        discussion: """
            Plans the data, then values the average inventory (cycle stock + safety stock at unit cost) \
            each ABC class needs with every item-location at each service level of --levels (the \
            settings' floors and caps still apply per item), beside the class at today's targets. With \
            --target, picks per class the current targets or one level so that the investment stays \
            within the target, no class's service (demand-value weighted) falls below its floor \
            (--floors; a class not named may not fall below its service with every cell at the lowest \
            target of its ABC-XYZ cells in the settings) \
            and the service over all classes is the highest. docs/working-capital.md has the \
            definitions. With DATA the folder is read; without it, the database (--database or \
            $PROCURA_DATABASE_URL).
            """)

    static let columns = ["class", "level", "service", "investment", "floor", "item_locations", "annual_demand_value"]

    @Argument(help: "A data folder to plan instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "A working-capital target to reach (currency), e.g. 1250000.") var target: String?
    @Option(help: "Floors per class as CLASS:LEVEL, comma-separated, e.g. A:0.97,B:0.94.") var floors: String?
    @Option(help: "The service levels to draw, comma-separated, each between 0 and 1.") var levels: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        do {
            _ = try WorkingCapitalRequest(levels: levels, floors: floors, target: target)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        let request: WorkingCapitalRequest
        do {
            request = try WorkingCapitalRequest(levels: levels, floors: floors, target: target)
        } catch {
            throw CommandFailure.usage(error.message)
        }
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        let d = await WorkingCapitalFrontier.planned(snapshot: snapshot, request: request, progress: progress)
        progress.clear()
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(d).pretty + "\n")
        case .csv:
            var rows: [[String]] = []
            for c in d.classes {
                for p in [c.current] + c.frontier {
                    rows.append([
                        c.class, p.level.map(NumberFormat.csv) ?? "current", NumberFormat.csv(p.service),
                        NumberFormat.csv(p.investment), NumberFormat.csv(c.floor), String(c.itemLocations),
                        NumberFormat.csv(c.annualDemandValue),
                    ])
                }
            }
            StandardStreams.out(RowReport(columns: Self.columns, numeric: Set([2, 3, 4, 5, 6]), rows: rows).csv)
        case .table: StandardStreams.out(Self.table(d))
        }
    }

    static func table(_ d: WorkingCapitalDocument) -> String {
        func money(_ x: Double) -> String { NumberFormat.grouped(x.rounded()) }
        var out =
            "Working capital vs \(d.serviceMeasure.replacingOccurrences(of: "_", with: " ")) as of \(d.asOf): today \(money(d.current.investment)) \(d.currency) at \(NumberFormat.percent(d.current.service)) service (demand-value weighted)\n"
        for c in d.classes {
            out +=
                "\nClass \(c.class): \(c.itemLocations) item-locations, annual demand value \(money(c.annualDemandValue)), floor \(NumberFormat.percent(c.floor))\n"
            var table = TextTable([("level", .left), ("service", .right), ("investment", .right), ("vs today", .right)])
            for p in [c.current] + c.frontier {
                table.append([
                    p.level.map(NumberFormat.percent) ?? "today", NumberFormat.percent(p.service), money(p.investment),
                    p.level == nil ? "" : money(p.investment - c.current.investment),
                ])
            }
            out += table.rendered
        }
        if let t = d.target {
            out +=
                "\nTarget \(money(t.workingCapital)) \(d.currency): \(t.feasible ? "reachable" : "NOT reachable")\n\(t.summary)\n"
        }
        return out
    }
}
