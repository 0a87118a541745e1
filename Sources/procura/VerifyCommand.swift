import ArgumentParser
import InventoryCore
import Storage

/// `procura verify`: recompute every position from the ledger and report differences.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every stock position from the ledger and report any difference.",
        discussion: "Exit status 0 when every position equals the sum of its entries, 1 otherwise.")

    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let report = try await db.withStore { try await $0.verify() }
        if report.isConsistent {
            StandardStreams.out(
                "ok: \(report.entryCount) ledger entries, \(report.positionCount) positions — every position equals its ledger\n")
            return
        }
        var table = TextTable([
            ("item", .left), ("location", .left), ("owner", .left), ("supplier", .left), ("balance", .left), ("stored", .right),
            ("ledger", .right),
        ])
        for d in report.differences {
            table.append([
                d.key.itemID, d.key.locationID, d.key.owner.rawValue, d.key.ownerSupplierID, d.bucket.rawValue,
                FixedPoint.quantityText(d.stored), FixedPoint.quantityText(d.expected),
            ])
        }
        StandardStreams.out(table.rendered)
        throw CommandFailure("\(report.differences.count) position balance(s) differ from the ledger")
    }
}
