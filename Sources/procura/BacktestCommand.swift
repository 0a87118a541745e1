import ArgumentParser
import DataImport
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Simulation
import Storage

/// `procura backtest DATA|--database URL [--from DATE] [--to DATE] [--policies FILE] [--unmet-demand
/// backorder|lost_sales] [--lead-times per_order|mean] [--no-split-sourcing] [--item ID --location ID]
/// [--format table|csv|json]`: the plan's policies (or a policies file's) replayed against the
/// demand history (``Planning/PolicyBacktest``); with `--item` and `--location` one item-location
/// period by period, simulated against recorded stock.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract:
            "Replay the plan's policies against actual demand: service target vs achieved per class, the policies that would not have held and why.",
        discussion: """
            The data (a folder, or the database: --database or $PROCURA_DATABASE_URL) is planned, and \
            every item-location's policy is replayed bucket by bucket over the window's demand \
            (backorders, or lost sales with --unmet-demand lost_sales; lead time and review period in \
            whole buckets; parameters rounded up to whole units; the lead times the receipts show, \
            order by order (--lead-times mean: their mean), where there are enough of them; each order \
            shared among the sources by their shares unless --no-split-sourcing), from the stock \
            recorded on the day before the window (else the order-up-to level). --policies FILE \
            replays a policies file instead of the plan's policies (the policies.csv procura plan \
            writes, edited, or the ERP's parameters in its columns item_id, location_id, policy_type, \
            reorder_point, order_up_to_level, order_quantity, review_period_days). \
            Per ABC class: the target and the achieved service (policy.service_measure) and fill rate; \
            per item-location: simulated vs recorded stock-outs and average on hand, and for the ones \
            below target or with excess stock the most likely causes (lead time longer or more \
            variable than the policy assumes, forecast bias, a demand shift, MOQ or multiple, an \
            override). The window defaults to the last year of complete buckets. The table lists the \
            classes and the lines that missed; csv and json every line. With --item and --location: \
            that item-location period by period (demand, receipts, orders, simulated and recorded \
            stock). docs/backtest.md has the definitions. Exit status 65 with every error when DATA \
            or the policies file is not valid, 64 for a bad option.
            """)

    @Argument(help: "A data folder to plan and replay instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "First day of the window (YYYY-MM-DD; rounded up to a whole bucket).") var from: String?
    @Option(help: "Last day of the window (YYYY-MM-DD; rounded down to a whole bucket).") var to: String?
    @Option(help: "A policies file to replay instead of the plan's policies (CSV; docs/backtest.md).") var policies: String?
    @Option(help: "Demand short of stock: backorder (default) or lost_sales.") var unmetDemand: String = "backorder"
    @Option(help: "The receipts' lead times: per_order (default) or mean.") var leadTimes: String = "per_order"
    @Flag(help: "The main source takes every order (no split sourcing).") var noSplitSourcing = false
    @Option(help: "With --location: trace this item period by period.") var item: String?
    @Option(help: "With --item: the location of the item to trace.") var location: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        if PolicySimulationInput.UnmetDemand(rawValue: unmetDemand) == nil {
            throw ValidationError("--unmet-demand '\(unmetDemand)' — expected backorder or lost_sales")
        }
        if PolicyBacktestOptions.LeadTimeReplay(rawValue: leadTimes) == nil {
            throw ValidationError("--lead-times '\(leadTimes)' — expected per_order or mean")
        }
        if (item == nil) != (location == nil) { throw ValidationError("--item and --location go together") }
        for (flag, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(flag) '\(value)' — expected YYYY-MM-DD") }
        }
    }

    func run() async throws {
        var fileLines: [PolicyParameterLine]?
        if let policies {
            do {
                fileLines = try PolicyParametersFile.read(path: policies, name: policies)
            } catch {
                throw CommandFailure.invalidData(error.message)
            }
        }
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let options = PolicyBacktestOptions(
            from: from.flatMap { Day(iso: $0) }, to: to.flatMap { Day(iso: $0) },
            unmetDemand: PolicySimulationInput.UnmetDemand(rawValue: unmetDemand) ?? .backorder,
            leadTimes: PolicyBacktestOptions.LeadTimeReplay(rawValue: leadTimes) ?? .perOrder,
            splitSourcing: !noSplitSourcing, policies: fileLines)
        let progress = TerminalProgress(quiet: quiet)
        if let item, let location {
            let trace: PolicyBacktestTrace
            do {
                trace = try await PolicyBacktest.plannedTrace(
                    snapshot: snapshot, itemID: item, locationID: location, options: options, progress: progress)
            } catch {
                progress.clear()
                throw CommandFailure.usage(error.message)
            }
            progress.clear()
            switch format {
            case .json: StandardStreams.out(try JSONValueEncoder().encode(trace).pretty + "\n")
            case .csv: StandardStreams.out(Self.traceReport(trace).csv)
            case .table: StandardStreams.out(Self.traceTable(trace))
            }
            return
        }
        let document: PolicyBacktestDocument
        do {
            document = try await PolicyBacktest.planned(snapshot: snapshot, options: options, progress: progress)
        } catch {
            progress.clear()
            if fileLines != nil { throw CommandFailure.invalidData(error.message) }
            throw CommandFailure.usage(error.message)
        }
        progress.clear()
        switch format {
        case .json:
            StandardStreams.out(try JSONValueEncoder().encode(document).pretty + "\n")
        case .csv:
            StandardStreams.out(Self.lineReport(document.lines).csv)
        case .table:
            StandardStreams.out(Self.table(document))
        }
    }

    static let traceColumns = [
        "start", "end", "demand", "received", "served", "short", "ordered", "order_lead_time", "simulated_on_hand",
        "backorders", "recorded_on_hand",
    ]

    static func traceReport(_ t: PolicyBacktestTrace) -> RowReport {
        func n(_ x: Double?) -> String { x.map(NumberFormat.csv) ?? "" }
        return RowReport(
            columns: traceColumns, numeric: Set(2...10),
            rows: t.periods.map { p in
                [
                    p.start, p.end, n(p.demand), n(p.received), n(p.served), n(p.short), n(p.ordered),
                    p.orderLeadTime.map(String.init) ?? "", n(p.simulatedOnHand), n(p.backorders), n(p.recordedOnHand),
                ]
            })
    }

    static func traceTable(_ t: PolicyBacktestTrace) -> String {
        let l = t.line
        func percent(_ x: Double?) -> String { x.map { NumberFormat.fixed($0 * 100, 1) + " %" } ?? "–" }
        var out =
            "Back-test of \(l.itemId) at \(l.locationId), \(t.from) … \(t.to) (\(t.periods.count) \(t.bucket)s): \(l.policy) \(l.parameters), lead time \(l.leadTimeBuckets) \(t.bucket)s (\(l.leadTimeBasis.replacingOccurrences(of: "_", with: " ")))\n"
        out +=
            "target \(percent(l.target)), achieved \(percent(l.achieved)), fill rate \(percent(l.fillRate)), status \(l.status.rawValue)\n"
        var table = TextTable([
            ("period", .left), ("demand", .right), ("received", .right), ("short", .right), ("ordered", .right),
            ("simulated on hand", .right), ("recorded on hand", .right),
        ])
        for p in t.periods {
            table.append([
                p.start, NumberFormat.fixed(p.demand, 1), NumberFormat.fixed(p.received, 1), NumberFormat.fixed(p.short, 1),
                NumberFormat.fixed(p.ordered, 1), NumberFormat.fixed(p.simulatedOnHand, 1),
                p.recordedOnHand.map { NumberFormat.fixed($0, 1) } ?? "–",
            ])
        }
        return out + table.rendered
    }

    static let lineColumns = [
        "item_id", "location_id", "class", "policy", "parameters", "lead_time_buckets", "target", "achieved", "fill_rate",
        "cycle_service_level", "simulated_stockout_buckets", "recorded_stockout_days", "simulated_average_on_hand",
        "recorded_average_on_hand", "planned_average_inventory", "start", "status", "causes", "lead_time_basis",
        "proposal_parameters", "proposal_achieved", "proposal_fill_rate", "proposal_average_on_hand",
        "lead_time_buckets_min", "lead_time_buckets_max", "sources", "maximum", "simulated_buckets_above_maximum",
        "recorded_days_above_maximum",
    ]

    static func lineReport(_ lines: [PolicyBacktestDocument.Line]) -> RowReport {
        func n(_ x: Double?) -> String { x.map(NumberFormat.csv) ?? "" }
        return RowReport(
            columns: lineColumns, numeric: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 26, 27, 28],
            rows: lines.map { l in
                [
                    l.itemId, l.locationId, l.class, l.policy, l.parameters, String(l.leadTimeBuckets), n(l.target),
                    n(l.achieved),
                    n(l.fillRate), n(l.cycleServiceLevel), String(l.simulatedStockoutBuckets), String(l.recordedStockoutDays),
                    n(l.simulatedAverageOnHand), n(l.recordedAverageOnHand), n(l.plannedAverageInventory), l.start,
                    l.status.rawValue, l.causes.joined(separator: "; "), l.leadTimeBasis, l.proposal?.parameters ?? "",
                    n(l.proposal?.achieved), n(l.proposal?.fillRate), n(l.proposal?.simulatedAverageOnHand),
                    String(l.leadTimeBucketsMin), String(l.leadTimeBucketsMax), String(l.sources), n(l.maximum),
                    String(l.simulatedBucketsAboveMaximum), l.recordedDaysAboveMaximum.map(String.init) ?? "",
                ]
            })
    }

    static func table(_ d: PolicyBacktestDocument) -> String {
        func percent(_ x: Double?) -> String { x.map { NumberFormat.fixed($0 * 100, 1) + " %" } ?? "–" }
        var classes = TextTable([
            ("class", .left), ("item-locations", .right), ("target", .right), ("achieved", .right), ("fill rate", .right),
            ("below target", .right), ("excess", .right),
        ])
        for c in d.classes {
            classes.append([
                c.class, String(c.itemLocations), percent(c.target), percent(c.achieved), percent(c.fillRate),
                String(c.belowTarget), String(c.excess),
            ])
        }
        var out =
            "Back-test \(d.from) … \(d.to) (\(d.buckets) \(d.bucket)s), \(d.measure.replacingOccurrences(of: "_", with: " ")) target vs achieved, tolerance \(percent(d.tolerance))\n"
        out +=
            "\(d.policies == "file" ? "the policies file's" : "the plan's") policies; \(d.unmetDemand == "lost_sales" ? "lost sales" : "backorders"); lead times \(d.leadTimes == "mean" ? "the receipts' mean" : "order by order from the receipts"); \(d.splitSourcing ? "orders split among sources" : "main source only")\n"
        out += classes.rendered
        let missed = d.lines.filter { $0.status != .ok }
        out += "\nPolicies that did not hold (\(missed.count) of \(d.lines.count))\n"
        if missed.isEmpty {
            out += "none\n"
        } else {
            var table = TextTable([
                ("item", .left), ("location", .left), ("class", .left), ("policy", .left), ("target", .right),
                ("achieved", .right), ("avg on hand", .right), ("planned", .right), ("status", .left), ("likely causes", .left),
            ])
            for l in missed {
                table.append([
                    l.itemId, l.locationId, l.class, l.parameters, percent(l.target), percent(l.achieved),
                    NumberFormat.fixed(l.simulatedAverageOnHand, 1), NumberFormat.fixed(l.plannedAverageInventory, 1),
                    l.status.rawValue, l.causes.joined(separator: "; "),
                ])
            }
            out += table.rendered
        }
        let proposals = d.lines.filter { $0.proposal != nil }
        if !proposals.isEmpty {
            out += "\nLead-time proposals replayed over the same history (\(proposals.count))\n"
            var table = TextTable([
                ("item", .left), ("location", .left), ("policy", .left), ("achieved", .right), ("proposed", .left),
                ("achieved", .right), ("avg on hand", .right), ("proposed", .right),
            ])
            for l in proposals {
                let p = l.proposal
                table.append([
                    l.itemId, l.locationId, l.parameters, percent(l.achieved), p?.parameters ?? "", percent(p?.achieved),
                    NumberFormat.fixed(l.simulatedAverageOnHand, 1), NumberFormat.fixed(p?.simulatedAverageOnHand ?? .nan, 1),
                ])
            }
            out += table.rendered
        }
        if !d.skipped.isEmpty {
            out += "\nNot replayed: \(d.skipped.count) item-locations (--format json lists them with the reason)\n"
        }
        return out
    }
}
