import DataImport
import DemoData
import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Demo data: the ledger's last 12 months")
struct DemoLedgerHistoryTests {
    @Test(
        "walking back from the count through a year of receipts and issues gives stock_history.csv's month ends, never below zero"
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
        #expect(snapshot.postings.filter { $0.date < configuration.asOf }.count > 10_000)
    }
}
