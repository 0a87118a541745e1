// Sources/procura/PlanCommand.swift — `procura plan DATA --out DIR [--as-of DATE]`.
//
// Kept here until DataImport's DataFolderImporter lands on main (the command does not compile
// without it). To enable: copy this file to Sources/procura/PlanCommand.swift and add
// `PlanCommand.self` to `subcommands` in Sources/procura/Procura.swift. Checked against the import
// branch (995afc1): builds and runs (docs/policies.md, "The plan command").
import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import Planning

/// `procura plan DATA --out DIR [--as-of DATE]`: classification → forecasts → policies →
/// explanations for every item-location of a data folder.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compute the replenishment policy of every item-location, with its derivation.",
        discussion: """
            Imports DATA, classifies every item-location, estimates its demand, and computes its \
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

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date YYYY-MM-DD, got '\(asOf)'")
        }
        if out.isEmpty { throw ValidationError("--out must name a folder") }
    }

    func run() async throws {
        let imported: ImportResult
        do {
            imported = try DataFolderImporter().load(from: URL(fileURLWithPath: data))
        } catch {
            StandardStreams.error(error.description + "\n")
            throw ExitCode(65)
        }
        for warning in imported.warnings { StandardStreams.error("warning: \(warning)\n") }
        var snapshot = imported.snapshot
        if let asOf, let day = Day(iso: asOf) { snapshot = snapshot.atPlanningDate(day) }

        let plan = await PlanRun.run(snapshot: snapshot)
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
