import ArgumentParser
import InventoryCore
import Storage

/// `procura po unmatched-receipts [--format table|csv|json]`: receipts posted to the ledger that
/// went, in whole or in part, to no open purchase-order line (``Storage/Store/unmatchedReceipts()``).
struct POUnmatchedReceipts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmatched-receipts",
        abstract: "Receipts posted to the ledger that matched no open purchase-order line.",
        discussion: """
            A receipt naming a purchase order in its reference moves that order forward (partially \
            received, received); what matched no open line is listed here with why: no_reference, \
            no_purchase_order, wrong_location, not_receivable, item_not_on_order, over_receipt. \
            docs/procurement.md has the rules.
            """)
    @OptionGroup var db: DatabaseOptions
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    static let columns = [
        "entry_id", "key", "date", "item_id", "location_id", "po_id", "matched", "unmatched", "finding", "detail",
    ]

    func run() async throws {
        let receipts = try await db.withStore { try await $0.unmatchedReceipts() }
        if format == .json {
            StandardStreams.out(try JSONValueEncoder().encode(UnmatchedReceiptList(receipts)).pretty + "\n")
            return
        }
        func n(_ x: Double) -> String { format == .table ? NumberFormat.grouped(x) : NumberFormat.csv(x) }
        let rows = receipts.map {
            [
                String($0.entryId), $0.key, $0.date, $0.itemId, $0.locationId, $0.poId, n($0.matched), n($0.unmatched),
                $0.finding, $0.detail,
            ]
        }
        StandardStreams.out(
            RowReport(columns: Self.columns, numeric: [0, 6, 7], rows: rows).rendered(
                format, title: "Receipts that matched no open purchase-order line: \(receipts.count)"))
    }
}
