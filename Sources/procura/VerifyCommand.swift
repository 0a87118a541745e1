import ArgumentParser
import InventoryCore
import Storage

/// `procura verify`: recompute every position from the ledger, replay the lots, and report differences.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every stock position from the ledger, replay the lots and their values, and report any difference.",
        discussion: """
            Every balance of stock_positions is recomputed from the ledger movements (on order from
            the open purchase orders); then the stock count and every posting are replayed through the
            receipt lots (valued by ledger.valuation) and each position's lots are compared with its
            on hand and in transit. Exit status 0 when everything agrees, 1 otherwise.
            """)

    @OptionGroup var db: DatabaseOptions
    @Flag(name: .customLong("no-lots"), help: "Check the balances only; do not replay the lots.") var noLots = false

    func run() async throws {
        let report = try await db.withStore { try await $0.verify(lots: !noLots) }
        if report.isConsistent {
            let lots =
                report.lotsReplayed
                ? " and its lots (\(report.lotCount) lots worth \(FixedPoint.moneyText(report.lotValue)))" : ""
            StandardStreams.out(
                "ok: \(report.entryCount) ledger entries, \(report.positionCount) positions — every position equals its ledger\(lots)\n"
            )
            return
        }
        var table = TextTable([
            ("check", .left), ("item", .left), ("location", .left), ("owner", .left), ("supplier", .left), ("balance", .left),
            ("stored", .right), ("expected", .right),
        ])
        for (check, differences) in [("ledger", report.differences), ("lots", report.lotDifferences)] {
            for d in differences {
                table.append([
                    check, d.key.itemID, d.key.locationID, d.key.owner.rawValue, d.key.ownerSupplierID, d.bucket.rawValue,
                    FixedPoint.quantityText(d.stored), FixedPoint.quantityText(d.expected),
                ])
            }
        }
        var out = table.rendered
        for problem in report.lotProblems { out += "lots: \(problem)\n" }
        StandardStreams.out(out)
        var failures: [String] = []
        if !report.differences.isEmpty {
            failures.append("\(report.differences.count) position balance(s) differ from the ledger")
        }
        if !report.lotDifferences.isEmpty {
            failures.append("\(report.lotDifferences.count) position balance(s) differ from their lots")
        }
        if !report.lotProblems.isEmpty { failures.append("\(report.lotProblems.count) posting(s) whose lots could not move") }
        throw CommandFailure(failures.joined(separator: "; "))
    }
}
