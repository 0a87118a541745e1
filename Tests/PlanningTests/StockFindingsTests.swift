import InventoryCore
import Planning
import ProcuraTestSupport
import Testing

@Suite("procura check: stock history differences and lot mismatches")
struct StockFindingsTests {
    @Test("a stock_history.csv day the ledger reaches and disagrees with is a warning naming day and difference")
    func historyDifference() throws {
        var b = SnapshotBuilder()
        b.item("A", cost: 2)
        b.location("L1")
        b.demand("A", at: "L1", [1, 1])
        b.stock("A", at: "L1", 5)
        var snapshot = b.build()
        let count = try #require(snapshot.stockCountDate)
        snapshot.postings = [
            LedgerPosting(
                key: "H1", date: count.adding(days: -3), type: .issue, item: 0, location: 0, quantity: 3, uom: "EA",
                baseQuantity: 3, unitCost: 2),
            LedgerPosting(
                key: "I1", date: count, type: .issue, item: 0, location: 0, quantity: 1, uom: "EA", baseQuantity: 1,
                unitCost: 2, lotID: "NOPE"),
        ]
        snapshot.stockHistory = [
            StockHistoryPoint(date: count.adding(days: -4), item: 0, location: 0, onHand: 8),
            StockHistoryPoint(date: count.adding(days: -2), item: 0, location: 0, onHand: 6),
        ]
        let findings = MasterDataChecks().stockFindings(snapshot)
        #expect(findings.map(\.check) == [.lotMismatch, .stockHistoryDifference])
        #expect(
            findings[0].message
                == "posting 'I1' (issue): lot 'NOPE' is not on hand — name a lot that is, or leave lot_id empty for first in, first out"
        )
        #expect(
            findings[1].message
                == "stock_history.csv has 6 of A at L1 (owned) at the end of \(count.adding(days: -2)); the ledger walked back from the count gives 5 (difference 1)"
        )
    }
}
