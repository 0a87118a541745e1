import ArgumentParser
import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import Storage

/// `procura consignment-transition DATA|--database URL [--uplift R] [--format table|csv|json]`:
/// consignment → owned over every consignment item-location of the plan
/// (``Planning/ConsignmentTransitionReport``).
struct ConsignmentTransitionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consignment-transition",
        abstract:
            "Consignment → owned for every consignment item-location: the annual premium vs the cost of owning, with the recommendation.",
        discussion: """
            Plans the data, then compares, for each item-location whose main consignment source is \
            supplier-owned stock, the annual consignment premium u·c·D with the cost of owning the stock \
            (ordering K·D/Q + holding h·c·(Q/2 + SS)) — the calculator of `procura calc consignment` with \
            the line's own figures: u from the consignment price over the unit cost (or --uplift for \
            every line), Q the policy's lot size, SS its safety stock. Erratic demand (XYZ class Z) is \
            flagged. docs/procurement.md ("Consignment → owned") has the definitions. With DATA the \
            folder is read; without it, the database (--database or $PROCURA_DATABASE_URL).
            """)

    static let columns = [
        "item_id", "location_id", "category", "supplier_id", "xyz", "coefficient_of_variation", "annual_demand",
        "unit_cost", "consignment_price", "uplift_rate", "uplift_basis", "safety_stock", "order_quantity",
        "consignment_premium", "owned_holding_cost", "owned_ordering_cost", "owned_total_cost", "saving_if_owned",
        "decision", "erratic_demand", "reason",
    ]

    @Argument(help: "A data folder to plan instead of the database.") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Option(help: "One uplift rate for every line (0.04 = consignment price 4 % above the owned cost).")
    var uplift: Double?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        try db.refuseBoth(data: data)
        do { try ConsignmentTransitionReport.validate(uplift: uplift) } catch { throw ValidationError("--" + error.message) }
    }

    func run() async throws {
        let snapshot = try await db.snapshot(folder: data, quiet: quiet)
        let progress = TerminalProgress(quiet: quiet)
        let d: ConsignmentTransitionDocument
        do {
            d = try await ConsignmentTransitionReport.planned(snapshot: snapshot, uplift: uplift, progress: progress)
        } catch {
            progress.clear()
            throw CommandFailure.invalidData(error.message)
        }
        progress.clear()
        switch format {
        case .json: StandardStreams.out(try JSONValueEncoder().encode(d).pretty + "\n")
        case .csv:
            let report = RowReport(
                columns: Self.columns, numeric: Set([5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17]),
                rows: d.lines.map { l in
                    [
                        l.itemId, l.locationId, l.category, l.supplierId, l.xyz,
                        l.coefficientOfVariation.map(NumberFormat.csv) ?? "", NumberFormat.csv(l.annualDemand),
                        NumberFormat.csv(l.unitCost), NumberFormat.csv(l.consignmentPrice),
                        l.upliftRate.map(NumberFormat.csv) ?? "",
                        l.upliftBasis, NumberFormat.csv(l.safetyStock), (l.result?.orderQuantity).map(NumberFormat.csv) ?? "",
                        (l.result?.consignmentPremium).map(NumberFormat.csv) ?? "",
                        (l.result?.ownedHoldingCost).map(NumberFormat.csv) ?? "",
                        (l.result?.ownedOrderingCost).map(NumberFormat.csv) ?? "",
                        (l.result?.ownedTotalCost).map(NumberFormat.csv) ?? "",
                        (l.result?.savingIfOwned).map(NumberFormat.csv) ?? "", l.decision, String(l.erraticDemand), l.reason,
                    ]
                })
            StandardStreams.out(report.csv)
        case .table:
            var out =
                "Consignment → owned as of \(d.asOf): \(d.lines.count) consignment item-locations, \(d.moveToOwned) to move to owned, saving \(NumberFormat.fixed(d.savingIfMoved, 0)) \(d.currency) a year of \(NumberFormat.fixed(d.consignmentPremium, 0)) premium\n"
            var table = TextTable([
                ("item", .left), ("location", .left), ("supplier", .left), ("xyz", .left), ("per year", .right),
                ("uplift", .right), ("premium", .right), ("owned cost", .right), ("saving", .right), ("decision", .left),
            ])
            for l in d.lines.prefix(60) {
                table.append([
                    l.itemId, l.locationId, l.supplierId, l.xyz, NumberFormat.fixed(l.annualDemand, 0),
                    l.upliftRate.map { NumberFormat.fixed($0 * 100, 1) + " %" } ?? "",
                    (l.result?.consignmentPremium).map { NumberFormat.fixed($0, 0) } ?? "",
                    (l.result?.ownedTotalCost).map { NumberFormat.fixed($0, 0) } ?? "",
                    (l.result?.savingIfOwned).map { NumberFormat.fixed($0, 0) } ?? "",
                    l.decision.replacingOccurrences(of: "_", with: " ") + (l.erraticDemand ? " (erratic)" : ""),
                ])
            }
            out += table.rendered
            if !d.skipped.isEmpty {
                out += "\nNot compared\n"
                var skipped = TextTable([("item", .left), ("location", .left), ("why", .left)])
                for s in d.skipped.prefix(20) { skipped.append([s.itemId, s.locationId, s.reason]) }
                out += skipped.rendered
            }
            StandardStreams.out(out)
        }
    }
}
