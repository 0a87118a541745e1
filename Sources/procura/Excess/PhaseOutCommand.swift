import ArgumentParser
import InventoryCore
import Planning
import Storage

/// `procura phase-out DATA|--database URL [--format table|csv|json]`: each phase-out item's run-out
/// against its successor's introduction (``Planning/PhaseOutPlan``; docs/excess.md, "Phase-out and
/// successors").
struct PhaseOutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase-out",
        abstract: "Phase-out items and their successors: run-out, surplus or shortfall at the switch, and overlap.",
        discussion: """
            The data (a folder, or the database: --database or $PROCURA_DATABASE_URL) is planned over a \
            year of forecast (further when a switch date set is later). For every item-location of \
            an item with lifecycle phase_out and a successor_item_id: its stock on hand + on order \
            against its forecast gives the run-out date (the first day without stock); the switch to the \
            successor is the item's own phase_out.switch_dates entry when set, else phase_out.switch_date, \
            else the run-out date, else the horizon's end; \
            what is left at the switch is the surplus (valued at unit cost), what is missing the \
            shortfall the successor covers; overlap when the successor also holds stock at the switch. \
            The predecessor is not replenished (no stock policy) and its demand history is carried over \
            to the successor's forecast. The table shows the totals and every pair; csv one row per \
            pair; json the whole report with each pair's derivation. docs/excess.md has the definitions.
            """)

    @Argument(help: "A data folder to plan and evaluate instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        let report = await PhaseOutPlan.planned(snapshot: snapshot, progress: progress)
        progress.clear()
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(report).pretty + "\n")
        case .csv: StandardStreams.out(PhaseOutRendering.lines(report, money: NumberFormat.csv).csv)
        case .table: StandardStreams.out(PhaseOutRendering.table(report))
        }
    }
}

/// The table and CSV of `procura phase-out`.
enum PhaseOutRendering {
    static func lines(_ r: PhaseOutReport, money: (Double) -> String) -> RowReport {
        RowReport(
            columns: [
                "item_id", "successor_id", "location_id", "category", "on_hand", "on_order", "unit_cost", "run_out",
                "switch_date", "switch_basis", "demand_until_switch", "surplus_qty", "surplus_value", "shortfall_qty",
                "successor_stock_at_switch", "overlap", "overlap_value",
            ],
            numeric: [4, 5, 6, 10, 11, 12, 13, 14, 16],
            rows: r.lines.map { l in
                [
                    l.itemId, l.successorId, l.locationId, l.category, money(l.onHand), money(l.onOrder), money(l.unitCost),
                    l.runOut ?? "", l.switchDate, l.switchBasis, money(l.demandUntilSwitch), money(l.surplusQty),
                    money(l.surplusValue), money(l.shortfallQty), money(l.successorStockAtSwitch), l.overlap ? "true" : "false",
                    money(l.overlapValue),
                ]
            })
    }

    static func table(_ r: PhaseOutReport) -> String {
        let money = { (x: Double) in NumberFormat.fixed(x, 2) }
        var out = "Phase-out as of \(r.asOf): forecast \(r.horizonStart) to \(r.horizonEnd), switch "
        out += r.switchDateSetting.map { "\($0) (phase_out.switch_date)" } ?? "at each item's run-out"
        out += "\n\(r.pairs) item-locations phased out to a successor; surplus \(money(r.surplusQty)) units, value "
        out += "\(money(r.surplusValue)) \(r.currency); shortfall \(money(r.shortfallQty)) units; "
        out += "\(r.overlaps) overlaps, value \(money(r.overlapValue)) \(r.currency)\n"
        out += "Replenishment of the phase-out items is stopped; their demand history is carried over to the successors.\n"
        guard !r.lines.isEmpty else { return out + "none\n" }
        var table = TextTable([
            ("item", .left), ("successor", .left), ("location", .left), ("on hand", .right), ("on order", .right),
            ("run-out", .left), ("switch", .left), ("demand to switch", .right), ("surplus", .right),
            ("surplus value", .right), ("shortfall", .right), ("successor at switch", .right), ("overlap", .left),
        ])
        for l in r.lines {
            table.append([
                l.itemId, l.successorId, l.locationId, NumberFormat.fixed(l.onHand, 0), NumberFormat.fixed(l.onOrder, 0),
                l.runOut ?? "-", l.switchDate, NumberFormat.fixed(l.demandUntilSwitch, 1), NumberFormat.fixed(l.surplusQty, 1),
                money(l.surplusValue), NumberFormat.fixed(l.shortfallQty, 1), NumberFormat.fixed(l.successorStockAtSwitch, 1),
                l.overlap ? "yes" : "",
            ])
        }
        return out + table.rendered
    }
}
