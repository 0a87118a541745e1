import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Planning
import Storage

/// `procura plan DATA --out DIR [--as-of DATE] [--estimator forecast|history]`: classification →
/// forecasts → policies → explanations for every item-location of a data folder; or, without DATA,
/// the same over the database (`--database URL`), stored as the next numbered plan run.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compute the replenishment policy of every item-location, with its derivation.",
        discussion: """
            Imports DATA, classifies every item-location, estimates its demand (--estimator forecast: \
            automatic model selection on the cleaned history, the default; history: the mean of the \
            classification window), and computes its \
            policy: review and policy type, safety stock, reorder point or order-up-to level, lot \
            size, ERP min/max in purchase units, supplier split and annual cost, with overrides \
            applied and flagged. Writes policies.csv (one row per item-location), explanations.jsonl \
            (one JSON object per item-location) and summary.json to DIR, and prints the inventory \
            value implied by the policies against today's stock per ABC class. The columns and \
            rules are in docs/policies.md.

            Without DATA it plans on the database instead (--database URL, else $PROCURA_DATABASE_URL, \
            else sqlite:./procura.sqlite — filled by `procura import`, with the imported settings.yaml): \
            the results are stored as the next numbered plan run (earlier runs are kept) and compared \
            with the previous run (or --compare-with N); --out is optional then.
            """
    )

    @Argument(help: "The data folder (items.csv, demand.csv, …); omit it to plan on the database.")
    var data: String?

    @Option(help: "Folder to write policies.csv, explanations.jsonl and summary.json to (created if missing).")
    var out: String?

    @Option(
        help: "Planning date YYYY-MM-DD (default: the data's as-of date). An earlier date replans from the history before it.")
    var asOf: String?

    @Option(help: "Demand estimator: forecast (automatic model selection, default) or history (the window mean).")
    var estimator: EstimatorArgument = .forecast

    @OptionGroup var db: DatabaseOptions

    @Option(help: "A label stored with the plan run (database only).")
    var label: String = ""

    @Option(help: "The stored run to compare the new run with (database only; default: the previous run).")
    var compareWith: Int?

    @Flag(help: "Classify without hysteresis against the latest stored run (database only).")
    var noHysteresis = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
        if let out, out.isEmpty { throw ValidationError("--out must name a folder") }
        if data != nil {
            if out == nil {
                throw ValidationError("--out DIR is required with a data folder (or omit DATA to plan on the database)")
            }
            if db.database != nil {
                throw ValidationError(
                    "give either a data folder or --database, not both — `procura import DATA --database URL` first, then `procura plan --database URL`"
                )
            }
            if !label.isEmpty || compareWith != nil || noHysteresis {
                throw ValidationError(
                    "--label, --compare-with and --no-hysteresis apply to plan runs on the database (omit DATA)")
            }
        }
        if let compareWith, compareWith < 1 {
            throw ValidationError("--compare-with must be a plan run number ≥ 1, got \(compareWith)")
        }
    }

    func run() async throws {
        if let data {
            var snapshot = try DataFolderLoading.load(data, quiet: quiet)
            if let asOf, let day = Day(iso: asOf) { snapshot = snapshot.atPlanningDate(day) }
            let progress = TerminalProgress(quiet: quiet)
            let plan = await PlanRun.run(
                snapshot: snapshot, estimator: estimator.planEstimator, configuration: .init(progress: progress))
            var export = PlanExport(plan: plan, snapshot: snapshot)
            export.progress = progress
            try await write(export)
            progress.clear()
            StandardStreams.out(export.table())
            if let out { StandardStreams.out("\nWrote policies.csv, explanations.jsonl and summary.json to \(out)\n") }
        } else {
            try await planOnDatabase()
        }
    }

    /// The plan run over the database, stored as the next numbered run and compared with an earlier one.
    private func planOnDatabase() async throws {
        let url = try db.url()
        let progress = TerminalProgress(quiet: quiet)
        let (outcome, comparison) = try await db.withStore { store in
            let runs = try await store.listPlanRuns()
            guard try await !(store.datasetInfo()["as_of"] ?? "").isEmpty else {
                throw StorageError(.database, "\(url) holds no imported data — run `procura import DATA --database \(url)` first")
            }
            if let compareWith, !runs.contains(where: { $0.runNumber == compareWith }) {
                let known = runs.map(\.runNumber).sorted().map(String.init).joined(separator: ", ")
                throw StorageError(.database, "no plan run \(compareWith) — stored runs: \(known.isEmpty ? "none" : known)")
            }
            let outcome = try await store.runPlan(
                label: label, estimator: estimator.planEstimator, asOf: asOf.flatMap(Day.init(iso:)), hysteresis: !noHysteresis,
                progress: progress)
            let base = compareWith ?? runs.map(\.runNumber).max()
            var comparison: PlanRunComparison?
            if let base {
                comparison = try await PlanRunComparison.compare(store: store, base: base, other: outcome.record.runNumber)
            }
            return (outcome, comparison)
        }
        var export = PlanExport(plan: outcome.plan, snapshot: outcome.snapshot)
        export.progress = progress
        try await write(export)
        progress.clear()
        var text = export.table()
        let r = outcome.record
        text += "\nStored as plan run \(r.runNumber)\(r.label.isEmpty ? "" : " (\(r.label))") in \(url): \(r.resultCount) results"
        text += " for \(outcome.plan.rows.count) item-locations, as of \(r.asOf)\n"
        if let previous = outcome.previousRun {
            let moves = outcome.plan.classification.moves
            let moved = moves.filter { $0.kind == .moved }.count
            let held = moves.filter { $0.kind == .held }.count
            text +=
                "Classified with hysteresis against run \(previous): \(moved) class changes, \(held) held back by the margins\n"
        }
        if let c = comparison { text += Self.describe(c, currency: outcome.snapshot.settings.currency) }
        if let out { text += "Wrote policies.csv, explanations.jsonl and summary.json to \(out)\n" }
        StandardStreams.out(text)
    }

    /// Two runs side by side, in a few lines.
    static func describe(_ c: PlanRunComparison, currency: String) -> String {
        func money(_ v: Double) -> String { NumberFormat.grouped(v.rounded()) }
        func change(_ a: Double, _ b: Double) -> String {
            let d = b - a
            let percent = a != 0 ? 100 * d / a : 0
            let shown = abs(percent) < 0.05 ? "+0.0" : (percent > 0 ? "+" : "") + NumberFormat.fixed(percent, 1)
            let pct = a != 0 ? " (\(shown) %)" : ""
            return "\(money(a)) → \(money(b)) \(currency)\(pct)"
        }
        var text = "Compared with run \(c.base): \(c.changedItemLocations) of \(c.itemLocationsOther) item-locations changed"
        if c.itemLocationsBase != c.itemLocationsOther { text += " (run \(c.base) had \(c.itemLocationsBase))" }
        let parts = c.changesByParameter.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        text += parts.isEmpty ? "\n" : " — \(parts.joined(separator: ", "))\n"
        text += "  safety stock value: \(change(c.safetyStockValueBase, c.safetyStockValueOther))\n"
        text += "  policy inventory value: \(change(c.policyValueBase, c.policyValueOther))\n"
        return text
    }

    /// Writes the three files to `--out`, when given.
    private func write(_ export: PlanExport) async throws {
        guard let out else { return }
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await PlanFiles.write(folder.appendingPathComponent("policies.csv")) { await export.policiesCSV(into: $0) }
            try await PlanFiles.write(folder.appendingPathComponent("explanations.jsonl")) { await export.explanations(into: $0) }
            try await PlanFiles.write(folder.appendingPathComponent("summary.json")) { $0(export.summaryJSON().pretty + "\n") }
        } catch {
            throw CommandFailure("cannot write to '\(out)': \(error.localizedDescription) — check that the folder is writable")
        }
    }
}

/// `--estimator forecast|history`.
enum EstimatorArgument: String, ExpressibleByArgument, CaseIterable {
    case forecast, history

    var planEstimator: PlanEstimator {
        switch self {
        case .forecast: return .forecast
        case .history: return .history
        }
    }
}
