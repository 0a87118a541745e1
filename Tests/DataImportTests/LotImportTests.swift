import InventoryCore
import ProcuraTestSupport
import Testing

@testable import DataImport

@Suite("inventory.csv lots and transactions.csv lot_id: read, checked, replayed into lots")
struct LotImportTests {
    static let files: [String: String] = [
        "items.csv": "item_id,unit_cost\nA,2\n",
        "suppliers.csv": "supplier_id\nS1\n",
        "demand.csv": "date,item_id,location_id,quantity\n2024-01-30,A,L1,5\n",
        "inventory.csv": """
        item_id,location_id,on_hand,ownership,supplier_id,lot_id,received_date,unit_cost,expiry_date,as_of
        A,L1,6,owned,,LOT1,2023-06-01,2.5,,2024-02-01
        A,L1,4,owned,,LOT2,2024-01-10,,2025-01-01,2024-02-01
        A,L1,5,consignment,S1,C1,2024-01-15,1.5,,2024-02-01

        """,
        "transactions.csv": """
        key,date,type,item_id,location_id,quantity,unit_cost,lot_id,supplier_id
        H1,2024-01-20,issue,A,L1,9,,,
        I1,2024-02-02,issue,A,L1,7,,,
        R1,2024-02-03,receipt,A,L1,3,3,R9,S1
        K1,2024-02-04,consumption,A,L1,2,,C1,S1

        """,
    ]

    @Test("the count's lots keep lot, received date, cost and expiry; postings from as_of on move them FIFO or by name")
    func replay() throws {
        let snapshot = try ImportTestFolder.load(Self.files).snapshot
        let counted = snapshot.countedStock
        #expect(counted.map(\.lotID) == ["LOT1", "LOT2", "C1"])
        #expect(counted.map(\.unitCost) == [2.5, nil, 1.5])
        #expect(counted[1].expiryDate == Day(iso: "2025-01-01") && counted[0].receivedDate == Day(iso: "2023-06-01"))
        #expect(snapshot.postings.map(\.lotID) == ["", "", "R9", "C1"])

        let stock = snapshot.stockPositions()
        #expect(stock.problems.isEmpty && stock.lotProblems.isEmpty)
        let owned = stock.lots.stack(at: PositionKey(itemID: "A", locationID: "L1"))
        // H1 is history (before as_of): the count includes it. I1 takes LOT1's 6 at 2.5 and 1 of LOT2 at 2.
        #expect(owned.lots.map(\.lotID) == ["LOT2", "R9"])
        #expect(owned.lots.map(\.quantity) == [3_000_000, 3_000_000])
        #expect(owned.value == (6 + 9) * 10_000)
        let consigned = stock.lots.stack(
            at: PositionKey(itemID: "A", locationID: "L1", owner: .consignment, ownerSupplierID: "S1"))
        #expect(consigned.lots.map(\.lotID) == ["C1"] && consigned.quantity == 3_000_000 && consigned.value == 45_000)
        #expect(stock.lots.entries["I1"]?.costOfGoods == Int64(170_000))
    }

    @Test("supplier-owned stock needs its supplier; a lot_id is unique per item, location and owner; costs and dates are checked")
    func errors() throws {
        var files = Self.files
        files["transactions.csv"] = nil
        files["inventory.csv"] = """
            item_id,location_id,on_hand,ownership,supplier_id,lot_id,unit_cost,expiry_date
            A,L1,6,consignment,,C1,,
            A,L1,4,owned,,LOT2,-1,
            A,L1,4,owned,,LOT2,,2025-13-01

            """
        #expect(
            try ImportTestFolder.errors(files) == [
                "inventory.csv:2:5: supplier_id '' — expected the supplier that owns the consignment stock",
                "inventory.csv:3:7: unit_cost '-1' — expected a number ≥ 0",
                "inventory.csv:4:8: expiry_date '2025-13-01' — expected a date YYYY-MM-DD",
            ])
    }
}

@Suite("stock_history.csv: end-of-day stock before the count")
struct StockHistoryImportTests {
    @Test("rows are read with owner and value (default none); dates from as_of on, duplicates and negatives are errors")
    func readAndCheck() throws {
        var files = LotImportTests.files
        files["transactions.csv"] = nil
        files["stock_history.csv"] =
            "date,item_id,location_id,on_hand,ownership,value\n2023-12-31,A,L1,12,,30\n2024-01-31,A,L1,10,consignment,\n"
        let snapshot = try ImportTestFolder.load(files).snapshot
        #expect(
            snapshot.stockHistory == [
                StockHistoryPoint(date: Day(iso: "2023-12-31")!, item: 0, location: 0, onHand: 12, value: 30),
                StockHistoryPoint(date: Day(iso: "2024-01-31")!, item: 0, location: 0, ownership: .consignment, onHand: 10),
            ])
        files["stock_history.csv"] =
            "date,item_id,location_id,on_hand\n2024-02-01,A,L1,1\n2024-01-31,A,L1,-2\n2024-01-30,A,L1,1\n2024-01-30,A,L1,2\n"
        #expect(
            try ImportTestFolder.errors(files) == [
                "stock_history.csv:2:1: date '2024-02-01' — expected a date before the snapshot date 2024-02-01 (the count is the stock at its start)",
                "stock_history.csv:3:4: on_hand '-2' — expected a number ≥ 0",
                "stock_history.csv:5:1: date '2024-01-30' — expected one row per date, item, location and owner (line 4 has it too)",
            ])
    }
}
