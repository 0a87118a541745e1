import DataImport
import InventoryCore
import Testing

@Suite("Referential checks")
struct ReferenceTests {
    static let master: [String: String] = [
        "items.csv": "item_id,unit_cost,successor_item_id\nA,2,\nB,3,\n",
        "locations.csv": "location_id\nL1\nL2\n",
        "suppliers.csv": "supplier_id\nS1\n",
        "demand.csv": "date,item_id,location_id,quantity\n2024-01-01,A,L1,5\n",
    ]

    static func errors(_ changes: [String: String]) throws -> [String] {
        try ImportTestFolder.failure(master.merging(changes) { $1 }).errors.map(\.description)
    }

    @Test("demand for an unknown item or location")
    func demand() throws {
        #expect(
            try Self.errors(["demand.csv": "date,item_id,location_id,quantity\n2024-01-01,X,L1,5\n2024-01-02,A,L9,5\n"]) == [
                "demand.csv:2:2: item_id 'X' — expected an item_id listed in items.csv",
                "demand.csv:3:3: location_id 'L9' — expected a location_id listed in locations.csv",
            ])
    }

    @Test("sourcing for an unknown item, location or supplier")
    func sourcing() throws {
        #expect(
            try Self.errors(["sourcing.csv": "item_id,location_id,supplier_id,lead_time_days\nX,L1,S1,5\nA,L9,S1,5\nA,L1,S9,5\n"])
                == [
                    "sourcing.csv:2:1: item_id 'X' — expected an item_id listed in items.csv",
                    "sourcing.csv:3:2: location_id 'L9' — expected a location_id listed in locations.csv",
                    "sourcing.csv:4:3: supplier_id 'S9' — expected a supplier_id listed in suppliers.csv",
                ])
    }

    @Test("inventory, open orders, receipts, transactions, stockouts and overrides check their references")
    func otherFiles() throws {
        let failure = try ImportTestFolder.failure(
            Self.master.merging([
                "inventory.csv": "item_id,location_id,on_hand\nX,L1,1\n",
                "open_orders.csv":
                    "order_id,item_id,location_id,supplier_id,from_location_id,quantity,due_date\nPO1,A,L1,S9,,1,2024-02-01\nTR1,A,L1,,L9,1,2024-02-01\n",
                "receipts.csv":
                    "order_id,item_id,location_id,supplier_id,order_date,receipt_date,quantity\nPO1,A,L1,S9,2024-01-01,2024-01-05,1\n",
                "transactions.csv":
                    "key,date,type,item_id,location_id,quantity,to_location_id\nK1,2024-01-01,transfer_out,A,L1,1,L9\n",
                "stockouts.csv": "date,item_id,location_id\n2024-01-01,X,L1\n",
                "overrides.csv": "item_id,location_id,parameter,value,reason\nA,L9,min,3,event\n",
            ]) { $1 })
        #expect(
            failure.errors.map(\.description) == [
                "inventory.csv:2:1: item_id 'X' — expected an item_id listed in items.csv",
                "open_orders.csv:2:4: supplier_id 'S9' — expected a supplier_id listed in suppliers.csv",
                "open_orders.csv:3:5: from_location_id 'L9' — expected a location_id listed in locations.csv",
                "receipts.csv:2:4: supplier_id 'S9' — expected a supplier_id listed in suppliers.csv",
                "transactions.csv:2:7: to_location_id 'L9' — expected a location_id listed in locations.csv",
                "stockouts.csv:2:2: item_id 'X' — expected an item_id listed in items.csv",
                "overrides.csv:2:2: location_id 'L9' — expected a location_id listed in locations.csv",
            ])
        #expect(failure.errors.allSatisfy { $0.code == .unknownReference })
    }

    @Test("a successor that does not exist, and successor cycles")
    func successors() throws {
        #expect(
            try Self.errors([
                "items.csv": "item_id,unit_cost,successor_item_id\nA,2,Z\nB,3,C\nC,3,D\nD,3,B\nE,1,E\nF,1,A\n"
            ]) == [
                "items.csv:2:3: successor_item_id 'Z' — expected an item_id listed in items.csv",
                "items.csv:3:3: successor_item_id 'C' — expected a successor chain that ends, got the cycle B → C → D → B",
                "items.csv:6:3: successor_item_id 'E' — expected a successor chain that ends, got the cycle E → E",
            ])
    }

    @Test("sourcing shares must sum to 1, or all be empty")
    func shares() throws {
        #expect(
            try Self.errors([
                "items.csv": "item_id,unit_cost\nA,2\nB,3\nC,1\n",
                "suppliers.csv": "supplier_id\nS1\nS2\n",
                "sourcing.csv":
                    "item_id,location_id,supplier_id,lead_time_days,share\nA,L1,S1,5,0.6\nB,L1,S1,5,0.5\nA,L1,S2,5,0.3\nB,L1,S2,5,\nC,L1,S1,5,0.4\nC,L1,S2,5,0.6000000001\nC,L2,S1,5,1.5\n",
            ]) == [
                "sourcing.csv:2:5: share '0.6' — expected the shares of A at L1 to sum to 1, got 0.9 (lines 2, 4)",
                "sourcing.csv:5:5: share '' — expected a share for every supplier of B at L1, or for none (they then split equally)",
                "sourcing.csv:8:5: share '1.5' — expected a number between 0 and 1",
            ])
    }

    @Test("a transaction unit that does not convert is an error")
    func units() throws {
        #expect(
            try Self.errors([
                "uom_conversions.csv": "item_id,uom,base_units_per_uom\nA,BOX,10\nA,PAL,400\n",
                "transactions.csv":
                    "key,date,type,item_id,location_id,quantity,uom\nK1,2024-01-01,issue,A,L1,1,CRATE\nK2,2024-01-01,issue,B,L1,1,BOX\nK3,2024-01-01,issue,A,L1,1,box\n",
            ]) == [
                "transactions.csv:2:7: uom 'CRATE' — expected EA or a unit of A in uom_conversions.csv (BOX, PAL)",
                "transactions.csv:3:7: uom 'BOX' — expected EA or a unit of B in uom_conversions.csv",
            ])
    }

    @Test("without locations.csv and suppliers.csv, ids are taken as they come")
    func implicitMasterData() throws {
        let result = try ImportTestFolder.load([
            "items.csv": "item_id,unit_cost\nA,2\n",
            "sourcing.csv": "item_id,location_id,supplier_id,lead_time_days\nA,WH-2,ACME,5\n",
            "demand.csv": "date,item_id,location_id,quantity\n2024-01-01,A,WH-1,5\n",
        ])
        #expect(result.snapshot.locations.map(\.id) == ["WH-2", "WH-1"])
        #expect(result.snapshot.suppliers.map(\.id) == ["ACME"])
        #expect(result.snapshot.demand.series == [ItemLocation(item: 0, location: 0), ItemLocation(item: 0, location: 1)])
    }

    @Test("a broken items.csv does not bury its errors under unknown-item errors")
    func noCascade() throws {
        #expect(try Self.errors(["items.csv": "item_id,cost\nA,2\n"]) == ["items.csv:1: missing required column 'unit_cost'"])
    }
}
