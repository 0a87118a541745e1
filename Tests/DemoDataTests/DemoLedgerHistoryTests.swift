import DataImport
import DemoData
import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Demo data: the ledger's last 12 months")
struct DemoLedgerHistoryTests {
    @Test(
        "walking back from the count through a year of receipts, issues, cross-docking transfers and allocations gives stock_history.csv's month ends, never below zero"
    )
    func walkBack() throws {
        let directory = try Fixtures.temporaryDirectory("procura-demo-ledger")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = DemoCompany.Configuration(itemCount: 120, locationCount: 2, seed: 9)
        try DemoDataWriter().write(try DemoCompany(configuration: configuration), to: directory)
        let snapshot = try DataFolderImporter().load(from: directory).snapshot
        let stock = snapshot.stockPositions()
        #expect(stock.problems.isEmpty && stock.lotProblems.isEmpty)
        let history = try snapshot.stockHistory(
            from: configuration.ledgerStart, to: configuration.historyEnd, stock: stock)
        #expect(history.ledgerStart == configuration.ledgerStart)
        #expect(history.differences.isEmpty, "\(history.differences.prefix(3).map(\.message))")
        #expect(history.days.allSatisfy { $0.onHand >= 0 && $0.source == .ledger })
        let positions = Set(history.days.map(\.position))
        #expect(history.days.count == positions.count * 364)
        // The month ends the ledger reaches were compared: there are some, and they agree.
        let monthEnds = snapshot.stockHistory.filter { $0.date >= configuration.ledgerStart }
        #expect(monthEnds.count > positions.count * 10)
        let past = snapshot.postings.filter { $0.date < configuration.asOf }
        #expect(past.count > 10_000)
        // Cross-docked receipts: received at the hub and sent on the same day, in pairs.
        let outs = past.filter { $0.type == .transferOut }
        let ins = past.filter { $0.type == .transferIn }
        #expect(outs.count > 50 && outs.count == ins.count)
        #expect(zip(outs, ins).allSatisfy { $0.date == $1.date && $0.quantity == $1.quantity && $0.reference == $1.reference })
        // Work orders reserved before they are issued: every allocation released, nothing left allocated.
        let allocations = past.filter { $0.type == .allocation }
        #expect(allocations.count > 100)
        #expect(past.filter { $0.type == .allocationRelease }.count == allocations.count)
        #expect(stock.positions.balances.values.allSatisfy { $0.allocated == 0 && $0.inTransit >= 0 })
        // The lots agree: what is in transit in lots is what the positions have in transit.
        for (position, stack) in stock.lots.inTransit {
            #expect(stack.quantity == stock.positions[position].inTransit, "\(position)")
        }
    }
}
