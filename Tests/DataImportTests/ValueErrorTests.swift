import DataImport
import InventoryCore
import Testing

@Suite("Row values: every error with file, line, column, value and expected form")
struct ValueErrorTests {
    static let demandHeader = "date,item_id,location_id,quantity\n"

    @Test("non-numeric and negative quantities")
    func quantities() throws {
        let errors = try ImportTestFolder.errors([
            "demand.csv": Self.demandHeader
                + "2024-01-01,A,L1,-5\n2024-01-02,A,L1,1,5\n2024-01-03,A,L1,abc\n2024-01-04,A,L1,\n2024-01-05,A,L1,1e\n2024-01-06,A,L1,nan\n2024-01-07,A,L1,  \n"
        ])
        #expect(
            errors == [
                "demand.csv:2:4: quantity '-5' — expected a number ≥ 0",
                "demand.csv:3:5: row has 5 fields — expected 4, as in the header",
                "demand.csv:4:4: quantity 'abc' — expected a number ≥ 0",
                "demand.csv:5:4: quantity '' — expected a number ≥ 0",
                "demand.csv:6:4: quantity '1e' — expected a number ≥ 0",
                "demand.csv:7:4: quantity 'nan' — expected a number ≥ 0",
                "demand.csv:8:4: quantity '  ' — expected a number ≥ 0",
            ])
    }

    @Test("the issue carries its parts")
    func parts() throws {
        let failure = try ImportTestFolder.failure(
            ImportTestFolder.minimal.merging(["demand.csv": Self.demandHeader + "2024-01-01,A,L1,-5\n"]) { $1 })
        let issue = try #require(failure.errors.first)
        #expect(issue.severity == .error)
        #expect(issue.code == .invalidValue)
        #expect(issue.file == .demand)
        #expect(issue.line == 2)
        #expect(issue.column == 4)
        #expect(issue.field == "quantity")
        #expect(issue.value == "-5")
        #expect(issue.expected == "a number ≥ 0")
        #expect(issue.message == "quantity '-5' — expected a number ≥ 0")
    }

    @Test("bad dates")
    func dates() throws {
        #expect(
            try ImportTestFolder.errors([
                "demand.csv": Self.demandHeader + "2024-02-30,A,L1,1\n01/02/2024,A,L1,1\n,A,L1,1\n2024-1-5,A,L1,1\n"
            ]) == [
                "demand.csv:2:1: date '2024-02-30' — expected a date YYYY-MM-DD",
                "demand.csv:3:1: date '01/02/2024' — expected a date YYYY-MM-DD",
                "demand.csv:4:1: date '' — expected a date YYYY-MM-DD",
                "demand.csv:5:1: date '2024-1-5' — expected a date YYYY-MM-DD",
            ])
    }

    @Test("duplicate keys in items, locations, suppliers, sourcing, open orders, transactions")
    func duplicates() throws {
        let errors = try ImportTestFolder.errors([
            "items.csv": "item_id,unit_cost\nA,2\nB,3\nA,4\n",
            "locations.csv": "location_id\nL1\nL1\n",
            "suppliers.csv": "supplier_id\nS1\nS1\n",
            "uom_conversions.csv": "item_id,uom,base_units_per_uom\nA,BOX,10\nA,box,12\n",
            "sourcing.csv": "item_id,location_id,supplier_id,lead_time_days\nA,L1,S1,5\nA,L1,S1,6\n",
            "open_orders.csv":
                "order_id,item_id,location_id,quantity,due_date\nPO1,A,L1,5,2024-02-01\nPO1,A,L1,6,2024-02-02\nPO1,B,L1,6,2024-02-02\n",
            "transactions.csv":
                "key,date,type,item_id,location_id,quantity\nK1,2024-01-01,issue,A,L1,1\nK1,2024-01-02,issue,A,L1,2\n",
        ])
        #expect(
            errors == [
                "items.csv:4:1: item_id 'A' — expected a unique item_id (line 2 has it too)",
                "uom_conversions.csv:3:2: uom 'box' — expected one row per item_id and uom (line 2 has it too)",
                "locations.csv:3:1: location_id 'L1' — expected a unique location_id (line 2 has it too)",
                "suppliers.csv:3:1: supplier_id 'S1' — expected a unique supplier_id (line 2 has it too)",
                "sourcing.csv:3:3: supplier_id 'S1' — expected one row per item_id, location_id and supplier_id (line 2 has it too)",
                "open_orders.csv:3:1: order_id 'PO1' — expected one line per order_id, item_id and location_id (line 2 has it too)",
                "transactions.csv:3:1: key 'K1' — expected a unique key (line 2 has it too)",
            ])
    }

    @Test("item master values: key length, cost, criticality, lifecycle, shelf life")
    func items() throws {
        let long = String(repeating: "x", count: 65)
        #expect(
            try ImportTestFolder.errors([
                "items.csv":
                    "item_id,unit_cost,criticality,lifecycle,shelf_life_days\nA,2,V,active,\nB,-1,X,retired,0\n\(long),1,,,\n,1,,,\n"
            ]) == [
                "items.csv:3:2: unit_cost '-1' — expected a number ≥ 0",
                "items.csv:3:3: criticality 'X' — expected one of V, E, D",
                "items.csv:3:4: lifecycle 'retired' — expected one of active, new, phase_out, obsolete",
                "items.csv:3:5: shelf_life_days '0' — expected a whole number > 0",
                "items.csv:4:1: item_id '\(long)' — expected 1–64 characters",
                "items.csv:5:1: item_id '' — expected 1–64 characters",
            ])
    }

    @Test("sourcing values: lead time, units, price breaks, ownership")
    func sourcingValues() throws {
        #expect(
            try ImportTestFolder.errors([
                "sourcing.csv":
                    "item_id,location_id,supplier_id,lead_time_days,units_per_purchase_uom,price_breaks,ownership\nA,L1,S1,-2,0,100:9;50:8,leased\nB,L1,S1,3,1,100-9,owned\n"
            ]) == [
                "sourcing.csv:2:4: lead_time_days '-2' — expected a number ≥ 0",
                "sourcing.csv:2:5: units_per_purchase_uom '0' — expected a number > 0",
                "sourcing.csv:2:6: price_breaks '100:9;50:8' — expected min_qty:price pairs separated by ';' with increasing min_qty, e.g. 100:9.50;500:9.00",
                "sourcing.csv:2:7: ownership 'leased' — expected one of owned, consignment, vmi",
                "sourcing.csv:3:6: price_breaks '100-9' — expected min_qty:price pairs separated by ';' with increasing min_qty, e.g. 100:9.50;500:9.00",
            ])
    }

    @Test("transactions: type, reason, reversal reference, signed adjustments only")
    func transactionRules() throws {
        #expect(
            try ImportTestFolder.errors([
                "transactions.csv":
                    "key,date,type,item_id,location_id,quantity,reason,reference\nK1,2024-01-01,adjustment,A,L1,-2,,\nK2,2024-01-01,scrap,A,L1,1,,\nK3,2024-01-01,reversal,A,L1,1,typo,\nK4,2024-01-01,issue,A,L1,-1,,\nK5,2024-01-01,borrow,A,L1,1,,\nK6,2024-01-01,adjustment,A,L1,-2,count,\n"
            ]) == [
                "transactions.csv:2:7: reason '' — expected a reason, required for adjustment postings",
                "transactions.csv:3:7: reason '' — expected a reason, required for scrap postings",
                "transactions.csv:4:8: reference '' — expected the key of the posting this reversal cancels",
                "transactions.csv:5:6: quantity '-1' — expected a number > 0",
                "transactions.csv:6:3: type 'borrow' — expected one of receipt, issue, adjustment, transfer_out, transfer_in, consignment_receipt, vmi_receipt, consumption, return_to_supplier, scrap, allocation, allocation_release, reversal",
            ])
    }

    @Test("other files: on-hand, receipts, overrides, conversions")
    func otherFiles() throws {
        #expect(
            try ImportTestFolder.errors([
                "inventory.csv": "item_id,location_id,on_hand,ownership\nA,L1,-1,owned\n",
                "receipts.csv":
                    "order_id,item_id,location_id,supplier_id,order_date,receipt_date,quantity\nPO1,A,L1,S1,2024-01-10,2024-01-05,0\n",
                "overrides.csv":
                    "item_id,location_id,parameter,value,reason,valid_from,valid_to\nA,L1,safety_stock,x,,2024-03-01,2024-02-01\n",
                "uom_conversions.csv": "item_id,uom,base_units_per_uom\nA,BOX,0\nA,EA,2\n",
            ]) == [
                "uom_conversions.csv:2:3: base_units_per_uom '0' — expected a number > 0",
                "uom_conversions.csv:3:3: base_units_per_uom '2' — expected 1 for the base unit EA",
                "inventory.csv:2:3: on_hand '-1' — expected a number ≥ 0",
                "receipts.csv:2:7: quantity '0' — expected a number > 0",
                "overrides.csv:2:4: value 'x' — expected a number",
                "overrides.csv:2:5: reason '' — expected a reason for the override",
                "overrides.csv:2:7: valid_to '2024-02-01' — expected a date on or after valid_from 2024-03-01",
            ])
        #expect(
            try ImportTestFolder.errors([
                "receipts.csv":
                    "order_id,item_id,location_id,supplier_id,order_date,receipt_date,quantity\nPO1,A,L1,S1,2024-01-10,2024-01-05,3\n"
            ]) == ["receipts.csv:2:6: receipt_date '2024-01-05' — expected a date on or after order_date 2024-01-10"])
    }
}
