import ArgumentParser
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura network echelons DATA|--database URL [--format table|csv|json]`: multi-echelon safety
/// stock over each item's transfer lanes against each location on its own (``Planning/MultiEchelonReport``).
struct NetworkEchelonsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echelons",
        abstract:
            "Multi-echelon buffers: safety stock placed over each item's locations and transfer lanes (guaranteed-service model) against each location protecting its own lead time.",
        discussion: """
            Plans the data, derives each item's transfer lanes from the ledger (transfer_out with a \
            to_location) and the open transfers, takes each location's upstream as the location it receives \
            the most from (two tied sources, a cycle or separate trees: the item is skipped with the reason), \
            and for every tree of two or more stocked locations runs the guaranteed-service model (procura calc \
            gsm): the hub is replenished in its policy's lead time, every other location in its lane's transfer \
            time, max(observed, network.transfer_lead_time_days), each plus its review period, rounded up to \
            whole periods. Per location: the committed service time, net replenishment time, safety stock and \
            base-stock level; per item the multi-echelon safety stock against Σ z·σ·√L per location and the \
            plan's, and where the tree is a chain the stochastic-service serial model's (Clark–Scarf, procura \
            calc ssm: backorder cost from the service level, a transfer adding preposition.transfer_cost_rate \
            of the unit cost); totals per category, the largest saving first. docs/risk.md ("Multi-echelon buffers") has \
            the definitions. With DATA the folder is read; without it, the database (--database or \
            $PROCURA_DATABASE_URL). The csv has one row per item and location.
            """)

    static let columns = [
        "item_id", "category", "hub_location_id", "location_id", "upstream_location_id", "replenishment",
        "transfer_days_observed", "transfer_days", "processing_periods", "demand_per_period", "sd_per_period",
        "service_level", "committed_service_time", "inbound_service_time", "net_replenishment_time", "safety_stock",
        "base_stock_level", "own_demand_net_replenishment_time", "own_demand_safety_stock", "own_demand_base_stock_level",
        "safety_stock_echelon", "safety_stock_held", "safety_stock_single_stage", "unit_cost", "ssm_echelon_base_stock",
        "ssm_local_base_stock", "ssm_safety_stock", "ssm_note",
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
        let document: MultiEchelonDocument
        do {
            document = try await MultiEchelonReport.planned(snapshot: snapshot, progress: progress)
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

    static func lines(_ d: MultiEchelonDocument) -> RowReport {
        func optional(_ x: Double?) -> String { x.map { NumberFormat.csv($0) } ?? "" }
        return RowReport(
            columns: columns, numeric: Set(6...26),
            rows: d.lines.flatMap { l in
                l.sites.map { s in
                    [
                        l.itemId, l.category, l.hubLocationId, s.locationId, s.upstreamLocationId ?? "", s.replenishment,
                        optional(s.transferDaysObserved), optional(s.transferDays), String(s.processingPeriods),
                        NumberFormat.csv(s.demandPerPeriod), NumberFormat.csv(s.sdPerPeriod), NumberFormat.csv(l.serviceLevel),
                        String(s.committedServiceTime), String(s.inboundServiceTime), String(s.netReplenishmentTime),
                        NumberFormat.csv(s.safetyStock), NumberFormat.csv(s.baseStockLevel),
                        s.ownDemandNetReplenishmentTime.map(String.init) ?? "", optional(s.ownDemandSafetyStock),
                        optional(s.ownDemandBaseStockLevel), NumberFormat.csv(s.safetyStockEchelon),
                        NumberFormat.csv(s.safetyStockHeld), NumberFormat.csv(s.safetyStockSingleStage),
                        NumberFormat.csv(l.unitCost), optional(s.ssmEchelonBaseStock), optional(s.ssmLocalBaseStock),
                        optional(s.ssmSafetyStock), l.ssmNote ?? "",
                    ]
                }
            })
    }

    static func table(_ d: MultiEchelonDocument) -> String {
        func money(_ x: Double) -> String { NumberFormat.fixed(x, 0) }
        var out =
            "Multi-echelon buffers as of \(d.asOf) (per \(d.period), transfers at least \(NumberFormat.csv(d.transferLeadTimeDays)) days): \(d.total.items) items over \(d.total.locations) locations of their trees (\(d.itemsWithLanes) items with transfer lanes, \(d.skipped.count) skipped); each location on its own holds \(money(d.total.singleStageValue)) of safety stock value, placed over the network \(money(d.total.echelonValue)): saving \(money(d.total.savingValue)); the plan holds \(money(d.total.heldValue)); over the \(d.total.ssmItems) serial chains the stochastic-service model holds \(money(d.total.ssmValue)) against \(money(d.total.ssmEchelonValue)) guaranteed-service and \(money(d.total.ssmSingleStageValue)) single-stage\n"
        var groups = TextTable([
            ("category", .left), ("items", .right), ("locations", .right), ("held", .right), ("single-stage", .right),
            ("multi-echelon", .right), ("saving", .right), ("held − multi-echelon", .right), ("chains", .right),
            ("serial model", .right),
        ])
        for t in d.byCategory + [d.total] {
            groups.append([
                t.name, String(t.items), String(t.locations), money(t.heldValue), money(t.singleStageValue),
                money(t.echelonValue), money(t.savingValue), money(t.heldMinusEchelonValue), String(t.ssmItems),
                money(t.ssmValue),
            ])
        }
        out += groups.rendered
        out += "\nLargest savings (\(min(25, d.lines.count)) of \(d.lines.count) items)\n"
        var top = TextTable([
            ("item", .left), ("hub", .left), ("location", .left), ("from", .left), ("T", .right), ("S", .right),
            ("NRT", .right), ("safety stock", .right), ("held", .right), ("single-stage", .right), ("serial model", .right),
            ("saving value", .right),
        ])
        for l in d.lines.prefix(25) {
            for (k, s) in l.sites.enumerated() {
                top.append([
                    k == 0 ? l.itemId : "", k == 0 ? l.hubLocationId : "", s.locationId, s.upstreamLocationId ?? "source",
                    String(s.processingPeriods), String(s.committedServiceTime), String(s.netReplenishmentTime),
                    NumberFormat.fixed(s.safetyStockEchelon, 0), NumberFormat.fixed(s.safetyStockHeld, 0),
                    NumberFormat.fixed(s.safetyStockSingleStage, 0), s.ssmSafetyStock.map { NumberFormat.fixed($0, 0) } ?? "–",
                    k == 0 ? money(l.savingValue) : "",
                ])
            }
        }
        out += top.rendered
        if !d.skipped.isEmpty {
            out += "\nSkipped (\(d.skipped.count) items)\n"
            var skipped = TextTable([("item", .left), ("reason", .left)])
            for s in d.skipped.prefix(25) { skipped.append([s.itemId, s.reason]) }
            out += skipped.rendered
        }
        return out
    }
}
