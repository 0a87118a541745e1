import ArgumentParser
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Simulation
import Storage

/// `procura scenario DATA|--database URL --spec FILE.yaml|--stress all|NAME|--saved NAME --as USER
/// [--replications N] [--seed S] [--format table|csv|json]`: what-if scenarios and the shipped stress tests on the plan's policies
/// (``Planning/ScenarioRun``).
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract:
            "Replay the plan's policies under shocks (a scenario spec, or the shipped stress tests): KPI deltas per class and location, the item-locations that break and the extra buffer that would hold them.",
        discussion: """
            The data (a folder, or the database: --database or $PROCURA_DATABASE_URL) is planned, and \
            every item-location's policy is replayed over the history window as `procura backtest` \
            replays it (the baseline), and again with the spec's shocks: demand × k, lead time + d days \
            or × k, a supplier failure or a lane or port closure (receipt-pausing by default: \
            deliveries due in the window arrive when it ends; mode: order or transit pauses orders or \
            goods in transit instead), a price increase — each scoped by item, category, location, \
            supplier or region and a date window — with backorders or lost sales (unmet_demand). With \
            --replications N > 1 the window's periods are resampled (seeded by --seed), or with \
            demand: forecast each replication's demand is drawn from the distribution the plan fitted. The table gives the fill rate, cycle service level, stock-out periods \
            and average on-hand value per ABC class and location (baseline, shocked, delta and its \
            95 % interval), and the item-locations on target in the baseline that miss under the \
            shock, with the smallest extra buffer that would have held their target. --stress all \
            runs the three stress tests shipped with Procura (port-closure, supplier-loss, \
            worst-lead-time-month), --stress NAME one of them. --saved NAME --as USER runs a spec USER \
            saved in the database (procura scenario-specs). csv lists the breaking item-locations, \
            json the whole document. docs/scenarios.md has the spec format and the conventions. A spec \
            that is not valid is refused with every problem's line and field (exit status 64), and \
            nothing runs; exit status 65 when DATA is not valid.
            """)

    @Argument(help: "A data folder to plan and replay instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "The scenario spec (YAML, docs/scenarios.md); `-` for standard input.") var spec: String?
    @Option(help: "Run the shipped stress tests: all, or one of port-closure, supplier-loss, worst-lead-time-month.")
    var stress: String?
    @Option(help: "Run a spec saved in the database (procura scenario-specs) by the user --as names.") var saved: String?
    @Option(name: .customLong("as"), help: ArgumentHelp("The user whose saved spec --saved names.", valueName: "user"))
    var user: String?
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
        switch [spec, stress, saved].compactMap({ $0 }).count {
        case 0: throw ValidationError("give --spec FILE.yaml, --stress all|NAME or --saved NAME")
        case 1: break
        default: throw ValidationError("give one of --spec, --stress and --saved")
        }
        if saved != nil {
            if data != nil {
                throw ValidationError("--saved runs a spec saved in the database — give --database, not a data folder")
            }
            if user == nil { throw ValidationError("--saved needs --as USER: the user who saved the spec") }
        } else if user != nil {
            throw ValidationError("--as names whose saved spec --saved runs — give --saved NAME too")
        }
        if let stress, stress != "all", !StressTests.names.contains(stress) {
            throw ValidationError(
                "--stress '\(stress)' — expected all or one of \(StressTests.names.joined(separator: ", "))")
        }
        if let replications, !(1...ScenarioSpecReader.largestReplications).contains(replications) {
            throw ValidationError(
                "--replications \(replications) — expected a whole number from 1 to \(ScenarioSpecReader.largestReplications)")
        }
    }

    func run() async throws {
        // The spec is read before anything is loaded or planned.
        var yaml = try spec.map(Self.readSpec)
        if let saved, let user {
            yaml = try await WorkflowFailure.report {
                try await db.withStore { store in
                    try await store.scenarioSpec(named: saved, by: try await store.actingPrincipal(userID: user)).spec
                }
            }
        }
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        let documents: [ScenarioDocument]
        do {
            if let yaml {
                documents = [
                    try await ScenarioRun.planned(
                        snapshot: snapshot, yaml: yaml, replications: replications, seed: seed, progress: progress)
                ]
            } else {
                documents = try await ScenarioRun.plannedStressTests(
                    snapshot: snapshot, only: stress == "all" ? nil : stress, replications: replications, seed: seed,
                    progress: progress
                ).tests
            }
        } catch {
            progress.clear()
            let prefix =
                spec.map { $0 == "-" ? "standard input: " : "\($0): " } ?? saved.map { "saved spec '\($0)': " } ?? ""
            throw CommandFailure.usage(prefix + error.message)
        }
        progress.clear()
        switch format {
        case .json:
            if yaml != nil {
                StandardStreams.out(try JSONValueEncoder().encode(documents[0]).pretty + "\n")
            } else {
                StandardStreams.out(try JSONValueEncoder().encode(StressTestDocument(tests: documents)).pretty + "\n")
            }
        case .csv:
            StandardStreams.out(Self.breakingReport(documents).csv)
        case .table:
            StandardStreams.out(documents.map(Self.table).joined(separator: "\n"))
        }
    }

    /// The text of a spec file (`-`: standard input); an unreadable file exits 64.
    static func readSpec(_ path: String) throws -> String {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure.usage("\(path): cannot read the file — check the path")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func breakingReport(_ documents: [ScenarioDocument]) -> RowReport {
        func n(_ x: Double) -> String { NumberFormat.csv(x) }
        return RowReport(
            columns: [
                "scenario", "item_id", "location_id", "class", "parameters", "target", "baseline_achieved",
                "shocked_achieved", "extra_buffer", "extra_buffer_value", "buffer_note",
            ],
            numeric: [5, 6, 7, 8, 9],
            rows: documents.flatMap { d in
                d.breaking.map { b in
                    [
                        d.name, b.itemId, b.locationId, b.class, b.parameters, n(b.target), n(b.baselineAchieved),
                        n(b.shockedAchieved), n(b.extraBuffer), n(b.extraBufferValue), b.bufferNote,
                    ]
                }
            })
    }

    static func table(_ d: ScenarioDocument) -> String {
        func percent(_ x: Double) -> String { x.isNaN ? "–" : NumberFormat.fixed(x * 100, 1) + " %" }
        func points(_ x: Double) -> String { x.isNaN ? "–" : (x >= 0 ? "+" : "") + NumberFormat.fixed(x * 100, 1) }
        func signed(_ x: Double, _ decimals: Int) -> String {
            x.isNaN ? "–" : (x >= 0 ? "+" : "") + NumberFormat.fixed(x, decimals)
        }
        func interval(_ e: ScenarioDocument.Estimate, _ show: (Double) -> String) -> String {
            e.low.isNaN ? "" : "[\(show(e.low)), \(show(e.high))]"
        }
        var out = "Scenario: \(d.name) — \(d.from) … \(d.to) (\(d.periods) \(d.period)s), "
        if d.demand == ScenarioDemand.forecast.rawValue {
            out += "demand sampled from the fitted forecast distribution, \(d.replications) replication(s), seed \(d.seed), "
        } else {
            out += "\(d.replications == 1 ? "the history as it was" : "\(d.replications) replications, seed \(d.seed)"), "
        }
        if d.unmetDemand == PolicySimulationInput.UnmetDemand.lostSales.rawValue { out += "lost sales, " }
        if d.leadTimes == ScenarioLeadTimes.sampled.rawValue { out += "lead times drawn order by order, " }
        out += "\(d.shockedItemLocations) of \(d.itemLocations) item-locations shocked\n"
        for s in d.shocks { out += "  shock: \(s)\n" }
        for n in d.notes { out += "  note: \(n)\n" }
        for (title, groups) in [("class", d.classes), ("location", d.locations)] {
            var table = TextTable([
                (title, .left), ("item-locations", .right), ("fill rate", .right), ("Δ points", .right),
                ("95 % interval", .left), ("cycle service", .right), ("Δ points", .right), ("stock-out periods", .right),
                ("Δ", .right), ("avg on-hand value", .right), ("Δ", .right),
            ])
            for g in groups {
                table.append([
                    g.group, String(g.itemLocations), percent(g.fillRate.shocked), points(g.fillRate.delta.mean),
                    interval(g.fillRate.delta, points), percent(g.cycleServiceLevel.shocked),
                    points(g.cycleServiceLevel.delta.mean), NumberFormat.fixed(g.stockoutPeriods.shocked, 1),
                    signed(g.stockoutPeriods.delta.mean, 1), NumberFormat.fixed(g.averageOnHandValue.shocked, 0),
                    signed(g.averageOnHandValue.delta.mean, 0),
                ])
            }
            out += "\nPer \(title) (under the shock; Δ against the baseline)\n" + table.rendered
        }
        out += "\nItem-locations that break (on target in the baseline, below it under the shock): \(d.breaking.count)\n"
        if d.breaking.isEmpty {
            out += "none\n"
        } else {
            var table = TextTable([
                ("item", .left), ("location", .left), ("class", .left), ("policy", .left), ("target", .right),
                ("baseline", .right), ("shocked", .right), ("extra buffer", .right), ("value", .right),
            ])
            for b in d.breaking {
                table.append([
                    b.itemId, b.locationId, b.class, b.parameters, percent(b.target), percent(b.baselineAchieved),
                    percent(b.shockedAchieved), b.extraBuffer.isNaN ? b.bufferNote : NumberFormat.significant(b.extraBuffer),
                    NumberFormat.fixed(b.extraBufferValue, 0),
                ])
            }
            out += table.rendered
        }
        return out
    }
}
