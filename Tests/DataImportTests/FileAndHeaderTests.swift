import DataImport
import Foundation
import InventoryCore
import Testing

@Suite("Files and headers")
struct FileAndHeaderTests {
    @Test("an empty required file is an error naming the columns it needs")
    func emptyRequiredFile() throws {
        #expect(
            try ImportTestFolder.errors(["demand.csv": ""]) == [
                "demand.csv: empty file — expected a header line naming the columns (date, item_id, location_id, quantity, …)"
            ])
    }

    @Test("an empty optional file is a warning and ignored")
    func emptyOptionalFile() throws {
        #expect(
            try ImportTestFolder.warnings(["stockouts.csv": ""]) == [
                "stockouts.csv: empty file ignored — it needs at least a header line naming the columns (date, item_id, location_id, …)"
            ])
    }

    @Test("items.csv with only a header is an error; an optional file with only a header is fine")
    func headerOnly() throws {
        #expect(
            try ImportTestFolder.errors(["items.csv": "item_id,unit_cost\n"]).prefix(1) == [
                "items.csv: no items — expected at least one row after the header"
            ])
        let result = try ImportTestFolder.load(
            ImportTestFolder.minimal.merging(["open_orders.csv": "order_id,item_id,location_id,quantity,due_date\r\n"]) { $1 })
        #expect(result.snapshot.openOrders.isEmpty)
        #expect(result.rowCounts[.openOrders] == 0)
    }

    @Test("demand.csv with only a header needs as_of from inventory.csv")
    func demandHeaderOnly() throws {
        #expect(
            try ImportTestFolder.errors(["demand.csv": "date,item_id,location_id,quantity\n"]) == [
                "demand.csv: no demand rows and no as_of in inventory.csv — add demand or an as_of column to inventory.csv"
            ])
        let result = try ImportTestFolder.load([
            "items.csv": "item_id,unit_cost\nA,1\n", "demand.csv": "date,item_id,location_id,quantity\n",
            "inventory.csv": "item_id,location_id,on_hand,as_of\nA,L1,3,2024-05-01\n",
        ])
        #expect(result.snapshot.asOf == Day(iso: "2024-05-01"))
        #expect(result.snapshot.demand.bucketCount == 0)
        #expect(result.snapshot.demand.series == [ItemLocation(item: 0, location: 0)])
    }

    @Test("a missing required file and a missing required column are errors")
    func missing() throws {
        let failure = try ImportTestFolder.failure(["items.csv": "item_id,unit_cost\nA,1\n"])
        #expect(failure.errors.map(\.description) == ["demand.csv: file missing — every data folder needs demand.csv"])
        #expect(
            try ImportTestFolder.errors(["items.csv": "item_id,description\nA,x\n"]) == [
                "items.csv:1: missing required column 'unit_cost'"
            ])
    }

    @Test("a folder that does not exist")
    func noFolder() {
        #expect(throws: ImportFailure.self) {
            try DataFolderImporter().load(from: URL(fileURLWithPath: "/nonexistent/procura"))
        }
    }

    @Test("unknown columns are warnings; names match ignoring case, spaces and order")
    func unknownColumn() throws {
        let result = try ImportTestFolder.load(
            ImportTestFolder.minimal.merging([
                "items.csv": "Unit_Cost, ITEM_ID ,description,colour\n2,A,x,red\n3,B,y,blue\n"
            ]) { $1 })
        #expect(result.warnings.map(\.description) == ["items.csv:1:4: unknown column 'colour' ignored"])
        #expect(result.warnings.first?.code == .unknownColumn)
        #expect(result.snapshot.items.map(\.unitCost) == [2, 3])
        #expect(result.snapshot.items[1].description == "y")
    }

    @Test("a column named twice is an error")
    func duplicateColumn() throws {
        #expect(
            try ImportTestFolder.errors(["items.csv": "item_id,unit_cost,ITEM_ID\nA,2,A\n"]) == [
                "items.csv:1:3: column 'item_id' appears twice (also column 1) — keep one"
            ])
    }

    @Test("a UTF-8 byte-order mark, CRLF line ends and quoted commas and line breaks")
    func encodingAndQuoting() throws {
        let result = try ImportTestFolder.load([
            "items.csv": "\u{FEFF}item_id,description,unit_cost\r\nA,\"Valve, 2\"\" brass\r\nDN50\",2\r\nB,plain,3\r\n",
            "demand.csv":
                "\u{FEFF}date,item_id,location_id,quantity\r\n2024-01-01,A,L1,5\r\n\"2024-01-02\",\"B\",\"L1\",\"1.5\"\r\n",
        ])
        #expect(result.snapshot.items[0].description == "Valve, 2\" brass\r\nDN50")
        #expect(result.snapshot.items.map(\.id) == ["A", "B"])
        #expect(result.snapshot.demand.quantities.reduce(0, +) == 6.5)
    }

    @Test("malformed CSV is reported with line and column, and reading goes on")
    func malformed() throws {
        #expect(
            try ImportTestFolder.errors([
                "demand.csv":
                    "date,item_id,location_id,quantity\n2024-01-01,A,L\"1,5\n2024-01-02,A,L1\n2024-01-03,A,L1,1,9\n2024-01-04,\"A\"x,L1,1\n2024-01-05,A,\"L1,2\n"
            ]) == [
                "demand.csv:2:3: stray '\"' in an unquoted field — quote the whole field and double the quote (\"\")",
                "demand.csv:3:4: row has 3 fields — expected 4, as in the header",
                "demand.csv:4:5: row has 5 fields — expected 4, as in the header",
                "demand.csv:5:2: text after a closing quote — quote the whole field and double any '\"' inside it",
                "demand.csv:6:3: quoted field never closed — add the closing '\"'",
            ])
    }

    @Test("invalid UTF-8 in a text field is an error")
    func invalidUTF8() throws {
        let folder = try ImportTestFolder(ImportTestFolder.minimal)
        defer { folder.remove() }
        try folder.write(
            "items.csv", bytes: Array("item_id,description,unit_cost\nA,caf".utf8) + [0xC3, 0x28] + Array(",2\nB,x,3\n".utf8))
        #expect(throws: ImportFailure.self) { try folder.load() }
        do {
            _ = try folder.load()
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "items.csv:2:2: description 'caf\u{FFFD}(' — expected valid UTF-8 text (save the file as UTF-8)"
                ])
        }
    }
}
