import DataImport
import Foundation
import ProcuraTestSupport
import Testing

@Suite("CSVDocument: small CSV files for the command line")
struct CSVDocumentTests {
    func write(_ text: String) throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("file.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("header lower-cased, fields trimmed, quotes, BOM, CRLF and line numbers")
    func reads() throws {
        let url = try write("\u{FEFF}Item_ID, Quantity ,note\r\nA,1,\"x, \"\"y\"\"\"\r\n\r\nB, 2 ,\"two\nlines\"\r\nC,3,\r\n")
        let csv = try CSVDocument(path: url.path, name: "file.csv")
        #expect(csv.header == ["item_id", "quantity", "note"])
        #expect(csv.column("quantity") == 1)
        #expect(csv.rows.map(\.line) == [2, 4, 6])
        #expect(csv.rows[0].fields == ["A", "1", "x, \"y\""])
        #expect(csv.rows[1].fields == ["B", "2", "two\nlines"])
    }

    @Test("syntax errors and missing files name the position")
    func errors() throws {
        let stray = try write("a,b\n1,x\"y\n")
        #expect(
            throws: CSVDocument.Failure(
                message: "s.csv:2:2: a quote inside an unquoted field — expected the whole field in quotes")
        ) {
            try CSVDocument(path: stray.path, name: "s.csv")
        }
        let open = try write("a,b\n1,\"never closed\n")
        #expect(throws: CSVDocument.Failure(message: "o.csv:2:2: a quoted field is never closed — expected a closing quote")) {
            try CSVDocument(path: open.path, name: "o.csv")
        }
        let empty = try write("")
        #expect(throws: CSVDocument.Failure(message: "e.csv: empty file — expected a header line")) {
            try CSVDocument(path: empty.path, name: "e.csv")
        }
        #expect(throws: CSVDocument.Failure(message: "m.csv: cannot read the file — check the path")) {
            try CSVDocument(path: "/nonexistent/m.csv", name: "m.csv")
        }
    }
}
