import ArgumentParser
import Foundation
import InventoryCore
import Storage

/// `procura reconcile usage`: consumed consignment and VMI stock — the supplier's invoice lines.
struct ConsignmentUsageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Consumed consignment and VMI stock per supplier: the lines of the supplier's invoice.",
        discussion: """
            Lists the consumption postings of supplier-owned stock (date, supplier, consignment or VMI, \
            item, location, quantity, unit price, amount), optionally of one supplier and a date range \
            (inclusive). The same lines: GET /api/v1/consignment/usage and the page /consignment.
            """)

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Only this supplier.") var supplier: String?
    @Option(help: "First day (YYYY-MM-DD).") var from: String?
    @Option(help: "Last day (YYYY-MM-DD).") var to: String?
    @Option(help: "Output on stdout: table, csv or json.") var format: OutputFormat = .table

    static let columns = ["date", "supplier_id", "owner", "item_id", "location_id", "quantity", "unit_price", "amount"]

    func validate() throws {
        for (flag, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(flag) '\(value)' — expected YYYY-MM-DD") }
        }
    }

    func run() async throws {
        let lines = try await db.withStore {
            try await $0.consignmentUsage(
                supplierID: supplier, from: from.flatMap(Day.init(iso:)), to: to.flatMap(Day.init(iso:)))
        }
        let rows = lines.map { l in
            [
                l.date, l.supplierID, l.owner, l.itemID, l.locationID, FixedPoint.quantityText(l.quantity),
                FixedPoint.text(l.unitPrice, scale: FixedPoint.unitCostScale), FixedPoint.moneyText(l.amount),
            ]
        }
        let report = RowReport(columns: Self.columns, numeric: [5, 6, 7], rows: rows)
        StandardStreams.out(report.rendered(format, title: "Consignment and VMI usage: \(rows.count) line(s)"))
    }
}
