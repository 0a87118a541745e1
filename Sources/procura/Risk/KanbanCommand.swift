import ArgumentParser
import InventoryCore
import Planning
import Storage

/// `procura kanban DATA|--database URL [--format table|csv|json]`: the item-locations recommended
/// for kanban and their loops (``Planning/KanbanReport``).
struct KanbanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kanban",
        abstract:
            "Kanban board: the stable AX/BX item-locations (and every jit_kanban one) with their loop — cards, container, maximum inventory.",
        discussion: """
            Plans the data, then sizes a kanban loop for every active AX or BX item-location with demand \
            and a source, and every item-location whose strategy is jit_kanban: cards N = ⌈D·L·(1+α)/C⌉ \
            (exact, an exact whole quotient is not rounded up again) with D the daily demand of the \
            forecast, L the main source's lead time plus the review period, α the policy's safety stock \
            ÷ (D·L) and C the source's order multiple (else its MOQ, else a review period's demand) in \
            base units; maximum inventory N·C beside the current policy's maximum. docs/risk.md ("Kanban \
            board") has the definitions. With DATA the folder is read; without it, the database \
            (--database or $PROCURA_DATABASE_URL).
            """)

    static let columns = [
        "item_id", "location_id", "category", "class", "strategy", "supplier_id", "daily_demand", "lead_time_days",
        "safety_factor", "container_size", "container_basis", "cards_exact", "cards", "max_inventory", "current_maximum",
        "on_hand", "cards_full", "unit_cost", "planned",
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
        let d = await KanbanReport.planned(snapshot: snapshot, progress: progress)
        progress.clear()
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(d).pretty + "\n")
        case .csv:
            let report = RowReport(
                columns: Self.columns, numeric: Set([6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17]),
                rows: d.loops.map { l in
                    [
                        l.itemId, l.locationId, l.category, l.class, l.strategy, l.supplierId, NumberFormat.csv(l.dailyDemand),
                        NumberFormat.csv(l.leadTimeDays), NumberFormat.csv(l.safetyFactor), String(l.containerSize),
                        l.containerBasis, NumberFormat.csv(l.cardsExact), String(l.cards), String(l.maxInventory),
                        NumberFormat.csv(l.currentMaximum), NumberFormat.csv(l.onHand), String(l.cardsFull),
                        NumberFormat.csv(l.unitCost), String(l.planned),
                    ]
                })
            StandardStreams.out(report.csv)
        case .table:
            var out =
                "Kanban board as of \(d.asOf): \(d.loops.count) loops (\(d.plannedLoops) planned as jit_kanban), \(d.totalCards) cards; maximum inventory \(NumberFormat.fixed(d.maxInventoryValue, 0)) against \(NumberFormat.fixed(d.currentMaximumValue, 0)) under the current policies; \(d.skipped.count) recommended item-locations not sized\n"
            var table = TextTable([
                ("item", .left), ("location", .left), ("class", .left), ("supplier", .left), ("per day", .right),
                ("lead time + review", .right), ("α", .right), ("container", .right), ("cards", .right),
                ("full now", .right), ("max inventory", .right), ("current max", .right), ("planned", .left),
            ])
            for l in d.loops.prefix(40) {
                table.append([
                    l.itemId, l.locationId, l.class, l.supplierId, NumberFormat.fixed(l.dailyDemand, 1),
                    NumberFormat.fixed(l.leadTimeDays, 0), NumberFormat.fixed(l.safetyFactor, 2), String(l.containerSize),
                    String(l.cards), String(l.cardsFull), String(l.maxInventory), NumberFormat.fixed(l.currentMaximum, 0),
                    l.planned ? "yes" : "",
                ])
            }
            out += table.rendered
            if !d.skipped.isEmpty {
                out += "\nNot sized\n"
                var skipped = TextTable([("item", .left), ("location", .left), ("why", .left)])
                for s in d.skipped.prefix(20) { skipped.append([s.itemId, s.locationId, s.reason]) }
                out += skipped.rendered
            }
            StandardStreams.out(out)
        }
    }
}
