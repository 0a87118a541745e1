import DataImport
import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("transactions.csv, overrides.csv and statements: the one reader, the one set of rules")
struct LedgerRulesImportTests {
    static let header = "key,date,type,item_id,location_id,quantity,uom,reason,reference\n"

    @Test("a quantity that rounds to 0, an over-long text, a date outside the window: refused at the field, like the ledger")
    func ledgerRules() throws {
        let today = Day(year: 2024, month: 6, day: 1)!
        let reason = String(repeating: "r", count: 501)
        #expect(
            try ImportTestFolder.errors(
                [
                    "transactions.csv": Self.header
                        + "K1,2024-01-01,receipt,A,L1,0.0000001,,,\nK2,2024-01-01,scrap,A,L1,1,,\(reason),\n"
                        + "K3,2062-01-01,issue,A,L1,1,,,\nK4,2024-01-01,allocation,A,L1,2,,,\nK5,2024-01-01,receipt,A,L1,1e14,,,\n"
                ], today: today)
                == [
                    "transactions.csv:2:6: quantity '0.0000001' — expected a quantity of at least 0.000001 base units in magnitude (the ledger's precision)",
                    "transactions.csv:3:8: reason '\(String(repeating: "r", count: 77))…' — expected at most 500 characters",
                    "transactions.csv:4:2: date '2062-01-01' — expected a date from 2014-06-01 to 2025-06-02 (ledger.posting_days_back / posting_days_ahead in settings.yaml)",
                    "transactions.csv:6:6: quantity '1e14' — expected a number between -9000000000000 and 9000000000000",
                ])
    }

    @Test("the posting window is a setting (settings.yaml, section ledger)")
    func windowSetting() throws {
        let files = ImportTestFolder.minimal.merging([
            "transactions.csv": Self.header + "K1,1990-01-01,receipt,A,L1,1,,,\n",
            "settings.yaml": "ledger:\n  posting_days_back: 20000\n  posting_days_ahead: 0\n",
        ]) { $1 }
        let folder = try ImportTestFolder(files)
        defer { folder.remove() }
        let result = try folder.load(today: Day(year: 2024, month: 6, day: 1)!)
        #expect(result.snapshot.settings.ledger == LedgerSettings(postingDaysBack: 20_000, postingDaysAhead: 0))
        #expect(result.snapshot.postings.map(\.key) == ["K1"])
    }

    @Test("allocations are read; base quantities are converted exactly by the ledger's rule")
    func allocations() throws {
        let result = try ImportTestFolder.load(
            ImportTestFolder.minimal.merging([
                "uom_conversions.csv": "item_id,uom,base_units_per_uom\nA,BOX,0.1\n",
                "transactions.csv": Self.header
                    + "K1,2024-01-01,allocation,A,L1,3,BOX,,WO-1\nK2,2024-01-01,allocation_release,A,L1,0.1,BOX,,WO-1\n",
            ]) { $1 })
        #expect(result.snapshot.postings.map(\.type) == [.allocation, .allocationRelease])
        #expect(result.snapshot.postings.map(\.baseQuantity) == [0.3, 0.01])
    }

    @Test(
        "a transactions file on its own (procura post --file): the same messages, named by the file; keys and units left to the database"
    )
    func standalone() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("ledger-2026-11.csv").path
        try Data(
            (Self.header
                + "K1,2026-11-02,receipt,P9,DC9,2,CRATE,,\nK2,2026-11-02,scrap,P9,DC9,1,,,\nK1,2026-11-03,issue,P9,DC9,1,,,\nK4,2026-11-02,issue,P9,DC9,0.0000001,,,\n")
                .utf8
        )
        .write(to: URL(fileURLWithPath: path))
        do {
            _ = try TransactionsFile.read(path: path, name: "ledger-2026-11.csv")
            Issue.record("expected errors")
        } catch {
            #expect(
                error.issues.filter { $0.severity == .error }.map(\.description) == [
                    "ledger-2026-11.csv:3:8: reason '' — expected a reason, required for scrap postings",
                    "ledger-2026-11.csv:4:1: key 'K1' — expected a unique key (line 2 has it too)",
                    "ledger-2026-11.csv:5:6: quantity '0.0000001' — expected a quantity of at least 0.000001 base units in magnitude (the ledger's precision)",
                ])
        }
        try Data((Self.header + "K1,2026-11-02,receipt,P9,DC9,2,CRATE,,PO-1\n").utf8).write(to: URL(fileURLWithPath: path))
        let rows = try TransactionsFile.read(path: path, name: "x.csv")
        #expect(rows.map(\.line) == [2])
        #expect(
            rows.map(\.request) == [
                PostingRequest(
                    key: "K1", date: Day(year: 2026, month: 11, day: 2)!, type: .receipt, itemID: "P9", locationID: "DC9",
                    quantity: 2, uom: "CRATE",
                    reference: "PO-1")
            ])
        #expect(throws: ImportFailure.self) {
            try TransactionsFile.read(path: dir.appendingPathComponent("missing.csv").path, name: "missing.csv")
        }
    }

    @Test("overrides.csv checks parameter, domain, reason and author length with the one override rule set")
    func overrides() throws {
        let long = String(repeating: "w", count: 501)
        #expect(
            try ImportTestFolder.errors([
                "overrides.csv":
                    "item_id,location_id,parameter,value,reason,author\nA,L1,safety_stok,3,typo,\nA,L1,service_level,1.5,too high,\nA,L1,min,3,\(long),\nA,L1,max,3,ok,\(String(repeating: "a", count: 101))\n"
            ]) == [
                "overrides.csv:2:3: parameter 'safety_stok' — expected one of service_level, review_period_days, forecast_per_bucket, forecast_uplift, safety_stock, reorder_point, order_quantity, min, max",
                "overrides.csv:3:4: value '1.5' — expected a number in (0, 1)",
                "overrides.csv:4:5: reason '\(String(repeating: "w", count: 77))…' — expected at most 500 characters",
                "overrides.csv:5:6: author '\(String(repeating: "a", count: 77))…' — expected at most 100 characters",
            ])
    }

    @Test("a supplier statement: its own reader with file, line and column")
    func statement() throws {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("statement.csv")
        try Data("item_id,location_id,quantity,supplier_id\nP1,DC1,8,S1\nP1,DC2,x,S1\nP2,DC1,4,S2\n,DC1,1,S1\n".utf8).write(
            to: url)
        #expect(
            throws: CSVDocument.Failure(
                message: "statement.csv:3:3: quantity 'x' — expected a number\nstatement.csv:5:1: item_id '' — expected a key")
        ) {
            try SupplierStatement.read(path: url.path, name: "statement.csv", supplierID: "S1")
        }
        try Data("item_id,location_id,quantity,supplier_id\nP1,DC1,8,S1\nP2,DC1,4,S2\n".utf8).write(to: url)
        #expect(
            try SupplierStatement.read(path: url.path, name: "statement.csv", supplierID: "S1")
                == [StockStatementLine(itemID: "P1", locationID: "DC1", quantity: 8)])
        try Data("item_id,quantity\nP1,8\n".utf8).write(to: url)
        #expect(
            throws: CSVDocument.Failure(
                message: "statement.csv:1: missing column(s) location_id — expected the columns item_id, location_id, quantity")
        ) {
            try SupplierStatement.read(path: url.path, name: "statement.csv", supplierID: "S1")
        }
    }
}
