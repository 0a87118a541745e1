import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura network [pooling] DATA|--database URL [--format table|csv|json]`: safety stock held per
/// location against pooled at one central site, per item stocked at two or more locations
/// (``Planning/NetworkReport``) — the default subcommand of `procura network` (``NetworkCommands``).
struct NetworkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pooling",
        abstract:
            "Network report: safety stock held per location against one pooled stock at a central site, with the transport-time trade-off.",
        discussion: """
            Plans the data, then for every item with a stock policy at two or more locations: the safety \
            stock the plan holds (Σ of the policies), the decentralised stock Σᵢ z·σᵢ·√Lᵢ and the pooled \
            stock z·√(1ᵀΣ1)·√L_c (procura calc pooling) with the demand correlation measured between the \
            locations (Pearson on the per-period demand they share; independent below 8 periods), the \
            central site the location with the largest demand, L the policy's lead time plus review period; \
            the saving in units and value, and the pipeline (mean lead-time demand) through the central site \
            against per location — the transport-time side. Totals per category. docs/risk.md ("Network \
            report") has the definitions. With DATA the folder is read; without it, the database \
            (--database or $PROCURA_DATABASE_URL). The default of `procura network`: `procura network DATA` \
            is `procura network pooling DATA`.
            """)

    static let columns = [
        "item_id", "category", "locations", "central_location_id", "service_level", "overlap_periods", "correlation_basis",
        "correlations", "pooled_sd_per_period", "safety_stock_held", "safety_stock_decentralised", "safety_stock_pooled",
        "saving_units", "saving_value", "held_minus_pooled_units", "pipeline_decentralised", "pipeline_centralised",
        "pipeline_change_value", "net_value", "unit_cost",
    ]

    @Argument(help: "A data folder to plan instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        let document: NetworkDocument
        do {
            document = try await NetworkReport.planned(snapshot: snapshot, progress: progress)
        } catch {
            progress.clear()
            throw CommandFailure.invalidData(error.message)
        }
        progress.clear()
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(document).pretty + "\n")
        case .csv: StandardStreams.out(Self.lines(document).csv)
        case .table: StandardStreams.out(Self.table(document))
        }
    }

    static func lines(_ d: NetworkDocument) -> RowReport {
        RowReport(
            columns: columns, numeric: Set([4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]),
            rows: d.lines.map { l in
                [
                    l.itemId, l.category, l.sites.map(\.locationId).joined(separator: ";"), l.centralLocationId,
                    NumberFormat.csv(l.serviceLevel), String(l.overlapPeriods), l.correlationBasis,
                    l.correlations.map { "\($0.locations)=\(NumberFormat.csv($0.correlation))" }.joined(separator: ";"),
                    NumberFormat.csv(l.pooledSdPerPeriod), NumberFormat.csv(l.safetyStockHeld),
                    NumberFormat.csv(l.safetyStockDecentralised), NumberFormat.csv(l.safetyStockPooled),
                    NumberFormat.csv(l.savingUnits), NumberFormat.csv(l.savingValue), NumberFormat.csv(l.heldMinusPooledUnits),
                    NumberFormat.csv(l.pipelineDecentralised), NumberFormat.csv(l.pipelineCentralised),
                    NumberFormat.csv(l.pipelineChangeValue), NumberFormat.csv(l.netValue), NumberFormat.csv(l.unitCost),
                ]
            })
    }

    static func table(_ d: NetworkDocument) -> String {
        func money(_ x: Double) -> String { NumberFormat.fixed(x, 0) }
        var out =
            "Network as of \(d.asOf) (per \(d.period), \(d.locations.count) locations): \(d.total.items) items stocked at two or more locations; pooling saves \(money(d.total.savingValue)) of safety stock value, the longer transport time costs \(money(d.total.pipelineChangeValue)) of pipeline, net \(money(d.total.netValue)); \(d.total.itemsWorthPooling) items worth pooling\n"
        var groups = TextTable([
            ("category", .left), ("items", .right), ("held", .right), ("decentralised", .right), ("pooled", .right),
            ("saving", .right), ("pipeline change", .right), ("net", .right), ("worth pooling", .right),
        ])
        for t in d.byCategory + [d.total] {
            groups.append([
                t.name, String(t.items), money(t.heldValue), money(t.decentralisedValue), money(t.pooledValue),
                money(t.savingValue), money(t.pipelineChangeValue), money(t.netValue), String(t.itemsWorthPooling),
            ])
        }
        out += groups.rendered
        out += "\nLargest net values (\(min(25, d.lines.count)) of \(d.lines.count) items)\n"
        var top = TextTable([
            ("item", .left), ("locations", .left), ("central", .left), ("ρ", .left), ("held", .right),
            ("decentralised", .right), ("pooled", .right), ("saving value", .right), ("pipeline change", .right),
            ("net", .right),
        ])
        for l in d.lines.prefix(25) {
            top.append([
                l.itemId, l.sites.map(\.locationId).joined(separator: ","), l.centralLocationId,
                l.correlationBasis == "measured"
                    ? l.correlations.map { NumberFormat.fixed($0.correlation, 2) }.joined(separator: ",") : "indep.",
                NumberFormat.fixed(l.safetyStockHeld, 0), NumberFormat.fixed(l.safetyStockDecentralised, 0),
                NumberFormat.fixed(l.safetyStockPooled, 0), money(l.savingValue), money(l.pipelineChangeValue),
                money(l.netValue),
            ])
        }
        return out + top.rendered
    }
}
