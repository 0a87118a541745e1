import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Planning

/// `procura plan DATA --out DIR [--as-of DATE] [--estimator forecast|history]`: classification →
/// forecasts → policies → explanations for every item-location of a data folder.
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
            """
    )

    @Argument(help: "The data folder (items.csv, demand.csv, …).")
    var data: String

    @Option(help: "Folder to write policies.csv, explanations.jsonl and summary.json to (created if missing).")
    var out: String

    @Option(help: "Planning date YYYY-MM-DD (default: the data's as-of date). An earlier date replans from the history before it.")
    var asOf: String?

    @Option(help: "Demand estimator: forecast (automatic model selection, default) or history (the window mean).")
    var estimator: EstimatorArgument = .forecast

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
        if out.isEmpty { throw ValidationError("--out must name a folder") }
    }

    func run() async throws {
        var snapshot = try DataFolderLoading.load(data, quiet: quiet)
        if let asOf, let day = Day(iso: asOf) { snapshot = snapshot.atPlanningDate(day) }

        let plan: PlanResult
        switch estimator {
        case .forecast: plan = await PlanRun.run(snapshot: snapshot, estimator: ForecastDemandEstimator(snapshot: snapshot))
        case .history: plan = await PlanRun.run(snapshot: snapshot, estimator: HistoryDemandEstimator())
        }
        let export = PlanExport(plan: plan, snapshot: snapshot)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try await PlanFiles.write(folder.appendingPathComponent("policies.csv")) { await export.policiesCSV(into: $0) }
            try await PlanFiles.write(folder.appendingPathComponent("explanations.jsonl")) { await export.explanations(into: $0) }
            try await PlanFiles.write(folder.appendingPathComponent("summary.json")) { $0(export.summaryJSON().pretty + "\n") }
        } catch {
            StandardStreams.error("cannot write to '\(out)': \(error.localizedDescription) — check that the folder is writable\n")
            throw ExitCode(73)
        }
        StandardStreams.out(export.table())
        StandardStreams.out("\nWrote policies.csv, explanations.jsonl and summary.json to \(out)\n")
    }
}

/// `--estimator forecast|history`.
enum EstimatorArgument: String, ExpressibleByArgument, CaseIterable {
    case forecast, history
}
