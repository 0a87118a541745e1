import ArgumentParser
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Simulation

/// `procura preposition DATA|--database URL --spec FILE.yaml [--replications N] [--seed S]
/// [--format table|csv|json]`: which stock to move to which location ahead of a scenario, at what
/// cost, and the service it protects (``Planning/ScenarioRun/plannedPreposition(snapshot:yaml:replications:seed:progress:)``).
struct PrepositionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preposition",
        abstract:
            "Pre-position stock ahead of a scenario: the item-locations its supply shocks threaten, the stock each needs, the moves from the item's other locations that cover it, their cost and the service they protect.",
        discussion: """
            The data (a folder, or the database: --database or $PROCURA_DATABASE_URL) is planned and \
            the spec replayed as `procura scenario` replays it. The item-locations a supply shock \
            (closure, supplier_failure, lead_time) touches and that miss their target under it need \
            the smallest extra opening stock that holds the target; the item's other locations \
            outside the supply shocks can give the largest cut of their opening stock that keeps \
            their own target under the same scenario, at most their owned stock on hand (consignment \
            and VMI stock is the supplier's). Donors are taken cheapest first per unit covered: \
            settings preposition.cost_per_move (default 150) per move plus \
            preposition.transfer_cost_rate (default 0.02) × the value moved. The table lists the \
            moves (units, value, cost, the receiver's service without and with the move, the demand \
            served it protects, the donor's service after giving), the needs no donor covers and \
            why, and the totals per region. csv lists the moves, json the whole document. \
            docs/scenarios.md "Pre-positioning" has the rules. A spec that is not valid is refused \
            with every problem's line and field (exit status 64), and nothing runs; exit status 65 \
            when DATA is not valid.
            """)

    @Argument(help: "A data folder to plan and replay instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "The scenario spec (YAML, docs/scenarios.md); `-` for standard input.") var spec: String
    @Option(
        help:
            "Replications (1: the history as it was; more: resampled periods; with demand: forecast, sampled demand). Overrides the spec's."
    )
    var replications: Int?
    @Option(help: "The seed of the resampling or sampling. Overrides the spec's.") var seed: UInt64?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        if let replications, !(1...ScenarioSpecReader.largestReplications).contains(replications) {
            throw ValidationError(
                "--replications \(replications) — expected a whole number from 1 to \(ScenarioSpecReader.largestReplications)")
        }
    }

    func run() async throws {
        // The spec is read before anything is loaded or planned.
        let yaml = try ScenarioCommand.readSpec(spec)
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        let document: PrepositionDocument
        do {
            document = try await ScenarioRun.plannedPreposition(
                snapshot: snapshot, yaml: yaml, replications: replications, seed: seed, progress: progress)
        } catch {
            progress.clear()
            throw CommandFailure.usage((spec == "-" ? "standard input: " : "\(spec): ") + error.message)
        }
        progress.clear()
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(document).pretty + "\n")
        case .csv: StandardStreams.out(PrepositionOutput.moves(document, machine: true).csv)
        case .table: StandardStreams.out(PrepositionOutput.table(document))
        }
    }
}
