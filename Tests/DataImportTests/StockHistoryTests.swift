import InventoryCore
import ProcuraTestSupport
import Testing

@testable import DataImport

@Suite("Stock history: walked back from the count through history postings, forward through lots, stock_history.csv before")
struct StockHistoryTests {
    /// A at L1: 5 counted at the start of 2024-02-01 (lot LOT0 at 2); history: a receipt of 4 on
    /// 01-28 and an issue of 3 on 01-30; from the count: lots L1 (10 at 3) and L2 (5 at 4), an
    /// issue of 12 across LOT0 and L1, 2 of L2 shipped to L2 and arrived, the issue reversed.
    static let files: [String: String] = [
        "items.csv": "item_id,unit_cost\nA,2\n",
        "locations.csv": "location_id\nL1\nL2\n",
        "demand.csv": "date,item_id,location_id,quantity\n2024-01-20,A,L1,1\n",
        "inventory.csv": "item_id,location_id,on_hand,lot_id,received_date,as_of\nA,L1,5,LOT0,2023-12-01,2024-02-01\n",
        "transactions.csv": """
        key,date,type,item_id,location_id,quantity,unit_cost,lot_id,to_location_id,reason,reference
        H1,2024-01-28,receipt,A,L1,4,2,,,,
        H2,2024-01-30,issue,A,L1,3,,,,,
        R1,2024-02-01,receipt,A,L1,10,3,L1,,,
        R2,2024-02-02,receipt,A,L1,5,4,L2,,,
        I1,2024-02-03,issue,A,L1,12,,,,,
        T1,2024-02-04,transfer_out,A,L1,2,,L2,L2,,
        T2,2024-02-05,transfer_in,A,L2,2,,,,,
        X1,2024-02-06,reversal,A,L1,12,,,,wrong work order,I1

        """,
        "stock_history.csv":
            "date,item_id,location_id,on_hand,value\n2023-12-31,A,L1,7,13\n2024-01-29,A,L1,8,\n2024-01-30,A,L1,6,\n",
    ]

    @Test("every day's on hand and value at L1 and L2, the history row before the ledger, one difference")
    func walk() throws {
        let snapshot = try ImportTestFolder.load(Self.files).snapshot
        let stock = snapshot.stockPositions()
        #expect(stock.problems.isEmpty && stock.lotProblems.isEmpty)
        let history = try snapshot.stockHistory(from: Day(iso: "2023-12-31")!, to: Day(iso: "2024-02-06")!, stock: stock)
        #expect(history.ledgerStart == Day(iso: "2024-01-28"))
        let atL1 = history.days.filter { $0.position.locationID == "L1" }
        #expect(atL1.map(\.date.description).first == "2023-12-31" && atL1.first?.source == .history)
        #expect(atL1.first?.onHand == 7_000_000 && atL1.first?.value == 130_000)
        let ledger = atL1.dropFirst()
        #expect(ledger.map(\.date.description) == (28...31).map { "2024-01-\($0)" } + (1...6).map { "2024-02-0\($0)" })
        #expect(ledger.map { $0.onHand / 1_000_000 } == [8, 8, 5, 5, 15, 20, 8, 6, 6, 18])
        // Before the count: at the count's unit value (2); after: by lots.
        #expect(ledger.map { $0.value / 10_000 } == [16, 16, 10, 10, 40, 60, 29, 21, 21, 52])
        let atL2 = history.days.filter { $0.position.locationID == "L2" }
        #expect(atL2.count == 10 && atL2.map { $0.onHand / 1_000_000 } == [0, 0, 0, 0, 0, 0, 0, 0, 2, 2])
        #expect(atL2.last?.value == 80_000)

        #expect(history.differences.count == 1)
        #expect(
            history.differences.first?.message
                == "stock_history.csv has 6 of A at L1 (owned) at the end of 2024-01-30; the ledger walked back from the count gives 5 (difference 1)"
        )
    }

    @Test(
        "the lots after the walk: the reversal restores LOT0 (5) and L1 (10); 3 of L2 stay at L1, 2 arrived at L2 with their received date"
    )
    func lots() throws {
        let stock = try ImportTestFolder.load(Self.files).snapshot.stockPositions()
        let l1 = stock.lots.stack(at: PositionKey(itemID: "A", locationID: "L1"))
        #expect(l1.lots.map(\.lotID) == ["LOT0", "L1", "L2"])
        #expect(l1.lots.map { $0.quantity / 1_000_000 } == [5, 10, 3] && l1.value == 520_000)
        let l2 = stock.lots.stack(at: PositionKey(itemID: "A", locationID: "L2"))
        #expect(l2.lots.map(\.lotID) == ["L2"] && l2.lots[0].receivedDate == Day(iso: "2024-02-02") && l2.value == 80_000)
    }

    @Test(
        "a consignment row of stock_history.csv is the stock of the supplier that owns that stock in the count; two suppliers: no supplier"
    )
    func supplierOwnedHistory() throws {
        func history(_ inventory: String) throws -> [StockHistory.Day] {
            let snapshot = try ImportTestFolder.load([
                "items.csv": "item_id,unit_cost\nA,2\n",
                "locations.csv": "location_id\nL1\n",
                "suppliers.csv": "supplier_id\nS1\nS2\n",
                "demand.csv": "date,item_id,location_id,quantity\n2024-01-20,A,L1,1\n",
                "inventory.csv": "item_id,location_id,on_hand,ownership,supplier_id,as_of\n" + inventory,
                "transactions.csv":
                    "key,date,type,item_id,location_id,quantity,owner,supplier_id\nH1,2024-01-28,consumption,A,L1,1,consignment,S1\n",
                "stock_history.csv": "date,item_id,location_id,on_hand,ownership\n2023-12-31,A,L1,7,consignment\n",
            ]).snapshot
            return try snapshot.stockHistory(from: Day(iso: "2023-12-31")!, to: Day(iso: "2024-01-28")!).days
        }
        let one = try history("A,L1,5,consignment,S1,2024-02-01\n")
        #expect(Set(one.map(\.position.ownerSupplierID)) == ["S1"])
        #expect(one.first?.date == Day(iso: "2023-12-31") && one.first?.source == .history && one.first?.onHand == 7_000_000)
        let two = try history("A,L1,5,consignment,S1,2024-02-01\nA,L1,2,consignment,S2,2024-02-01\n")
        #expect(two.first { $0.source == .history }?.position.ownerSupplierID == "")
    }
}
