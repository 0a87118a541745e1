import ArgumentParser
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura kpis DATA|--database URL [--by month|category|location|class|item|supplier]…
/// [--from DATE] [--to DATE] [--format table|csv|json]`.
struct KPIsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpis",
        abstract:
            "Inventory KPIs: value, turns, days on hand, fill rate, stock-outs, ABC-XYZ matrix, alerts; month by month with --by month.",
        discussion: """
            The dashboard's figures (the same numbers as the web dashboard and GET /api/v1/dashboard): \
            with DATA, the data folder is planned first; without it, the latest plan run stored in the \
            database (--database or $PROCURA_DATABASE_URL) is used. Flows cover the classification \
            window (the last classification.window_buckets complete periods), or the complete periods \
            within --from … --to. docs/web.md ("Dashboard figures") has every formula. \
            With --by month: the KPI history (the KPI trends page, GET /api/v1/kpis/history) — per \
            calendar month COGS, average inventory value from the end-of-day stock, turnover, days on \
            hand, fill rate, cycle service level, stock-outs, excess and obsolete value, forecast \
            accuracy and GMROI, with the change against the month before, the trend and the targets \
            of the kpis settings; add --by category, location, class, item or supplier for groups \
            (docs/kpis.md). Exit status 65 with every error on stderr when DATA is not valid.
            """)

    @Argument(help: "A data folder to plan and measure instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(
        help:
            "Groups: category, location or class (ABC-XYZ); default: all three. Repeatable; month gives the history by month, which also groups by item or supplier."
    ) var by: [KPIGroupingArgument] = []
    @Option(help: "First day of the period (YYYY-MM-DD); only whole buckets within --from … --to count.") var from: String?
    @Option(help: "Last day of the period (YYYY-MM-DD).") var to: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        try DateWindowCheck.validate(from: from, to: to)
        if !by.contains(.month), let other = by.first(where: { $0 == .item || $0 == .supplier }) {
            throw ValidationError(
                "--by \(other.rawValue) — expected category, location or class; item and supplier group the history (add --by month)"
            )
        }
    }

    func run() async throws {
        if by.contains(.month) { return try await history() }
        var groupings: [InventoryKPIs.Grouping] = []
        for g in by.compactMap(\.grouping) where !groupings.contains(g) { groupings.append(g) }
        var configuration = InventoryKPIs.Configuration(
            groupings: groupings.isEmpty ? InventoryKPIs.Grouping.allCases : groupings)
        let fromDay = from.flatMap { Day(iso: $0) }
        let toDay = to.flatMap { Day(iso: $0) }
        let kpis: InventoryKPIs
        if let data {
            let snapshot = try DataFolderLoading.load(data, quiet: quiet)
            if fromDay != nil || toDay != nil { configuration.columns = try window(snapshot, fromDay, toDay) }
            let progress = TerminalProgress(quiet: quiet)
            kpis = await InventoryKPIs.planned(snapshot: snapshot, configuration: configuration, progress: progress)
            progress.clear()
        } else {
            if fromDay != nil || toDay != nil {
                let snapshot = try await db.snapshot(folder: nil, quiet: quiet)
                configuration.columns = try window(snapshot, fromDay, toDay)
            }
            let chosen = configuration
            kpis = try await db.withStore { try await $0.inventoryKPIs(configuration: chosen) }
        }
        let rendering = KPIRendering(kpis: kpis, groupings: configuration.groupings)
        switch format {
        case .table: StandardStreams.out(rendering.table)
        case .csv: StandardStreams.out(rendering.csv)
        case .json: StandardStreams.out(try rendering.json() + "\n")
        }
    }

    /// The columns of --from … --to (``Planning/KPIWindow``).
    private func window(_ snapshot: Snapshot, _ from: Day?, _ to: Day?) throws -> Range<Int> {
        do {
            return try KPIWindow.columns(
                snapshot.demand, from: from, to: to, defaultBuckets: snapshot.settings.classification.windowBuckets)
        } catch {
            throw CommandFailure.usage("--from/--to: " + error.message)
        }
    }

    /// `--by month`: the KPI history.
    private func history() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let configuration = KPIHistory.Configuration(
            from: from.flatMap { Day(iso: $0) }, to: to.flatMap { Day(iso: $0) },
            groupings: by.compactMap(\.historyGrouping).reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        _ = try window(snapshot, configuration.from, configuration.to)
        let progress = TerminalProgress(quiet: quiet)
        let history: KPIHistory
        do {
            history = try await KPIHistory.run(snapshot: snapshot, configuration: configuration, progress: progress)
            progress.clear()
        } catch {
            progress.clear()
            throw CommandFailure.invalidData(error.message)
        }
        switch format {
        case .table: StandardStreams.out(KPIHistoryRendering.table(history))
        case .csv: StandardStreams.out(KPIHistoryRendering.csv(history))
        case .json: StandardStreams.out(try JSONValueEncoder().encode(history).pretty + "\n")
        }
    }
}

/// `--by month|category|location|class|item|supplier`.
enum KPIGroupingArgument: String, ExpressibleByArgument, CaseIterable {
    case month, category, location, `class`, item, supplier

    /// The grouping of the snapshot KPIs (`nil`: month, item, supplier).
    var grouping: InventoryKPIs.Grouping? {
        switch self {
        case .category: .category
        case .location: .location
        case .class: .abcClass
        case .month, .item, .supplier: nil
        }
    }

    /// The grouping of the history (`nil`: month, the period itself).
    var historyGrouping: KPIHistory.Grouping? {
        switch self {
        case .month: nil
        case .category: .category
        case .location: .location
        case .class: .abcClass
        case .item: .item
        case .supplier: .supplier
        }
    }
}
