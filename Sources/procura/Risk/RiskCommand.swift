import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura risk [exposure] DATA|--database URL [--exposed] [--format table|csv|json]`: single-source
/// and long-lead exposure with the recommended buffers (``Planning/SupplyRiskReport``) — the default
/// subcommand of `procura risk` (``RiskCommands``).
struct RiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract:
            "Single-source and long-lead exposure: time to survive vs time to recover, value at risk, the buffer or second source that closes the gap.",
        discussion: """
            Plans the data, then for every item-location with one source, or whose shortest lead time is at \
            least risk.long_lead_days: days its average inventory lasts (time to survive) against the days \
            until supply flows again (time to recover: min(risk.recovery_days, risk.qualification_days) + \
            the lead time for one source; the shortest lead time for several), the shortfall and its value, \
            the buffer that covers demand over the recovery at the service level (μ·T + z·σ·√T), what it \
            takes beyond today's average inventory and its holding cost, and the recommendation (buffer, \
            second_source when the buffer costs more per year than risk.second_source_cost_per_year, \
            substitute when the item's successor is stocked here from another supplier). docs/risk.md has the \
            definitions. With DATA the folder is read; without it, the database (--database or \
            $PROCURA_DATABASE_URL). The default of `procura risk`: `procura risk DATA` is \
            `procura risk exposure DATA`.
            """)

    static let columns = [
        "item_id", "location_id", "category", "criticality", "class", "suppliers", "supplier_segment", "supply_risk",
        "single_source", "lead_time_days",
        "daily_demand", "average_inventory", "on_hand", "service_level", "time_to_survive_days", "time_to_recover_days",
        "exposed", "shortfall", "value_at_risk", "buffer_to_survive", "extra_buffer", "extra_buffer_value",
        "extra_buffer_holding_cost", "recommendation", "substitute_item_id",
    ]

    @Argument(help: "A data folder to plan and evaluate instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Flag(help: "Only the exposed item-locations (time to survive below time to recover).") var exposed = false
    @Flag(
        help:
            "Check the recommended buffers on the simulation: each buffered item-location's supplier stops taking orders for min(risk.recovery_days, risk.qualification_days) days; the current policy against the policy with its extra buffer."
    ) var checkBuffers = false
    @Option(help: "With --check-buffers: replications (1: the history as it was; more: resampled periods).")
    var replications = 1
    @Option(help: "With --check-buffers: the seed of the resampling.") var seed: UInt64 = 1
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        if !checkBuffers, replications != 1 || seed != 1 {
            throw ValidationError("--replications and --seed go with --check-buffers")
        }
        if exposed, checkBuffers { throw ValidationError("--exposed and --check-buffers are two different reports: choose one") }
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        if checkBuffers {
            let check: BufferCheckDocument
            do {
                check = try await SupplyRiskBufferCheck.planned(
                    snapshot: snapshot, replications: replications, seed: seed, progress: progress)
            } catch {
                progress.clear()
                throw CommandFailure.invalidData(error.message)
            }
            progress.clear()
            switch format {
            case .json: StandardStreams.out(try JSONValueEncoder().encode(check).pretty + "\n")
            case .csv: StandardStreams.out(RiskBufferCheckOutput.lines(check, machine: true).csv)
            case .table: StandardStreams.out(RiskBufferCheckOutput.table(check))
            }
            return
        }
        var document: SupplyRiskDocument
        do {
            document = try await SupplyRiskReport.planned(snapshot: snapshot, progress: progress)
        } catch {
            progress.clear()
            throw CommandFailure.invalidData(error.message)
        }
        progress.clear()
        if exposed { document.lines.removeAll { !$0.exposed } }
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(document).pretty + "\n")
        case .csv: StandardStreams.out(Self.lines(document, machine: true).csv)
        case .table: StandardStreams.out(Self.table(document))
        }
    }

    static func lines(_ d: SupplyRiskDocument, machine: Bool) -> RowReport {
        func n(_ x: Double?) -> String {
            guard let x else { return machine ? "" : "–" }
            return machine ? NumberFormat.csv(x) : NumberFormat.fixed(x, 1)
        }
        return RowReport(
            columns: columns, numeric: Set([9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22]),
            rows: d.lines.map { l in
                [
                    l.itemId, l.locationId, l.category, l.criticality, l.class, l.suppliers.joined(separator: ";"),
                    l.supplierSegment, l.supplyRisk, l.singleSource ? "true" : "false", n(l.leadTimeDays), n(l.dailyDemand),
                    n(l.averageInventory), n(l.onHand),
                    n(l.serviceLevel), n(l.timeToSurviveDays), n(l.timeToRecoverDays), l.exposed ? "true" : "false",
                    n(l.shortfall), n(l.valueAtRisk), n(l.bufferToSurvive), n(l.extraBuffer), n(l.extraBufferValue),
                    n(l.extraBufferHoldingCost), l.recommendation, l.substituteItemId ?? "",
                ]
            })
    }

    static func table(_ d: SupplyRiskDocument) -> String {
        func money(_ x: Double) -> String { NumberFormat.fixed(x, 0) }
        var out =
            "Supply exposure as of \(d.asOf): \(d.scenario); \(d.total.itemLocations) of \(d.plannedItemLocations) planned item-locations single-source or with a lead time of \(d.longLeadDays)+ days, \(d.total.exposed) exposed\n"
        var groups = TextTable([
            ("group", .left), ("item-locations", .right), ("exposed", .right), ("value at risk", .right),
            ("extra buffer value", .right), ("its holding cost / year", .right),
        ])
        for f in d.byCriticality.map({ ("criticality \($0.name)", $0) }) + d.byRecommendation.map({ ("\($0.name)", $0) })
            + [("total", d.total)]
        {
            groups.append([
                f.0, String(f.1.itemLocations), String(f.1.exposed), money(f.1.valueAtRisk), money(f.1.extraBufferValue),
                money(f.1.extraBufferHoldingCost),
            ])
        }
        out += groups.rendered
        out += "\nCriticality × supply risk (Kraljic: strategic or bottleneck supply is high)\n"
        var matrix = TextTable([
            ("VED / supply risk", .left), ("item-locations", .right), ("exposed", .right), ("value at risk", .right),
        ])
        for f in d.matrix {
            matrix.append([f.name, String(f.itemLocations), String(f.exposed), money(f.valueAtRisk)])
        }
        out += matrix.rendered
        let exposed = d.lines.filter(\.exposed)
        out += "\nLargest values at risk (\(min(25, exposed.count)) of \(exposed.count) exposed item-locations)\n"
        var top = TextTable([
            ("item", .left), ("location", .left), ("VED", .left), ("suppliers", .left), ("lead time", .right),
            ("survives (days)", .right), ("recovers (days)", .right), ("value at risk", .right), ("extra buffer", .right),
            ("its value", .right), ("recommendation", .left),
        ])
        for l in exposed.prefix(25) {
            top.append([
                l.itemId, l.locationId, l.criticality, l.suppliers.joined(separator: ";"), NumberFormat.fixed(l.leadTimeDays, 0),
                l.timeToSurviveDays.map { NumberFormat.fixed($0, 1) } ?? "–", NumberFormat.fixed(l.timeToRecoverDays, 0),
                money(l.valueAtRisk), NumberFormat.fixed(l.extraBuffer, 0), money(l.extraBufferValue),
                l.recommendation + (l.substituteItemId.map { " (\($0))" } ?? ""),
            ])
        }
        return out + top.rendered
    }
}
