import ArgumentParser
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura backtest DATA|--database URL [--from DATE] [--to DATE] [--format table|csv|json]`: the
/// plan's policies replayed against the demand history (``Planning/PolicyBacktest``).
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract:
            "Replay the plan's policies against actual demand: service target vs achieved per class, the policies that would not have held and why.",
        discussion: """
            The data (a folder, or the database: --database or $PROCURA_DATABASE_URL) is planned, and \
            every item-location's policy is replayed bucket by bucket over the window's demand \
            (backorders; lead time and review period in whole buckets; parameters rounded up to whole \
            units; the lead time the receipts show where there are enough of them), from the stock \
            recorded on the day before the window (else the order-up-to level). \
            Per ABC class: the target and the achieved service (policy.service_measure) and fill rate; \
            per item-location: simulated vs recorded stock-outs and average on hand, and for the ones \
            below target or with excess stock the most likely causes (lead time longer or more \
            variable than the policy assumes, forecast bias, a demand shift, MOQ or multiple, an \
            override). The window defaults to the last year of complete buckets. The table lists the \
            classes and the lines that missed; csv and json every line. docs/backtest.md has the \
            definitions. Exit status 65 with every error when DATA is not valid.
            """)

    @Argument(help: "A data folder to plan and replay instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "First day of the window (YYYY-MM-DD; rounded up to a whole bucket).") var from: String?
    @Option(help: "Last day of the window (YYYY-MM-DD; rounded down to a whole bucket).") var to: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        for (flag, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(flag) '\(value)' — expected YYYY-MM-DD") }
        }
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let options = PolicyBacktestOptions(from: from.flatMap { Day(iso: $0) }, to: to.flatMap { Day(iso: $0) })
        let progress = TerminalProgress(quiet: quiet)
        let document: PolicyBacktestDocument
        do {
            document = try await PolicyBacktest.planned(snapshot: snapshot, options: options, progress: progress)
        } catch {
            progress.clear()
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

    static let lineColumns = [
        "item_id", "location_id", "class", "policy", "parameters", "lead_time_buckets", "target", "achieved", "fill_rate",
        "cycle_service_level", "simulated_stockout_buckets", "recorded_stockout_days", "simulated_average_on_hand",
        "recorded_average_on_hand", "planned_average_inventory", "start", "status", "causes", "lead_time_basis",
        "proposal_parameters", "proposal_achieved", "proposal_fill_rate", "proposal_average_on_hand",
    ]

    static func lineReport(_ lines: [PolicyBacktestDocument.Line]) -> RowReport {
        func n(_ x: Double?) -> String { x.map(NumberFormat.csv) ?? "" }
        return RowReport(
            columns: lineColumns, numeric: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 21, 22],
            rows: lines.map { l in
                [
                    l.itemId, l.locationId, l.class, l.policy, l.parameters, String(l.leadTimeBuckets), n(l.target),
                    n(l.achieved),
                    n(l.fillRate), n(l.cycleServiceLevel), String(l.simulatedStockoutBuckets), String(l.recordedStockoutDays),
                    n(l.simulatedAverageOnHand), n(l.recordedAverageOnHand), n(l.plannedAverageInventory), l.start,
                    l.status.rawValue, l.causes.joined(separator: "; "), l.leadTimeBasis, l.proposal?.parameters ?? "",
                    n(l.proposal?.achieved), n(l.proposal?.fillRate), n(l.proposal?.simulatedAverageOnHand),
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
