import DataImport
import InventoryCore
import Testing

/// The ERP's purchase-order update file (`procura po import`): CSV and JSON read to the same rows,
/// every error reported with its position, value and what was expected.
@Suite("purchase-order update file")
struct PurchaseOrderUpdateFileTests {
    static func failure(_ text: String, name: String = "f.csv", _ format: PurchaseOrderUpdateFile.Format = .csv) -> String {
        do {
            _ = try PurchaseOrderUpdateFile.read(text: text, name: name, format: format)
            return "no error"
        } catch {
            return error.message
        }
    }

    @Test("CSV: confirmations and receipts, po export's other columns ignored")
    func csv() throws {
        let rows = try PurchaseOrderUpdateFile.read(
            text: """
                po_id,line,item_id,supplier_id,confirmed_date,confirmed_quantity,receipt_id,receipt_date,received_quantity
                PO-000001,1,P1,S1,2026-12-10,40,,,
                PO-000001,2,,S1,,,GR-7,2026-12-12,12.5
                """, name: "f.csv", format: .csv)
        #expect(
            rows == [
                PurchaseOrderUpdate(
                    position: "f.csv:2", poID: "PO-000001", line: 1, itemID: "P1", confirmedDate: Day(iso: "2026-12-10"),
                    confirmedQuantity: 40),
                PurchaseOrderUpdate(
                    position: "f.csv:3", poID: "PO-000001", line: 2, receiptID: "GR-7", receiptDate: Day(iso: "2026-12-12"),
                    receivedQuantity: 12.5),
            ])
        #expect(rows[0].confirms && !rows[0].receives && rows[1].receives && !rows[1].confirms)
    }

    @Test("JSON: the same rows, numbers as numbers or text")
    func json() throws {
        let rows = try PurchaseOrderUpdateFile.read(
            text: """
                {"updates": [{"po_id": "PO-000001", "line": 1, "confirmed_date": "2026-12-10", "confirmed_quantity": "40"},
                 {"po_id": "PO-000001", "line": 2, "receipt_id": "GR-7", "receipt_date": "2026-12-12", "received_quantity": 12.5, "currency": "EUR"}]}
                """, name: "f.json", format: .json)
        #expect(rows.map(\.position) == ["f.json: updates[0]", "f.json: updates[1]"])
        #expect(rows[0].confirmedQuantity == 40 && rows[1].receivedQuantity == 12.5 && rows[1].receiptID == "GR-7")
        #expect(
            PurchaseOrderUpdateFile.format(ofName: "x.JSON") == .json && PurchaseOrderUpdateFile.format(ofName: "x.txt") == .csv)
    }

    @Test("every error at once: file, line, column, value and what was expected")
    func errors() {
        #expect(
            Self.failure(
                """
                po_id,line,confirmed_date,confirmed_quantity,receipt_id,receipt_date,received_quantity
                ,0,2026-13-01,-2,,,
                PO-1,1,,,GR-1,,5
                PO-1,2,,,,,
                PO-1,3,2026-12-01,,,,
                PO-1,3,2026-12-02,,,,
                PO-1,4,,,GR-9,2026-12-01,abc
                """) == """
                    f.csv:2:1: po_id '' — expected a purchase-order id
                    f.csv:2:2: line '0' — expected a whole number ≥ 1
                    f.csv:2:3: confirmed_date '2026-13-01' — expected a date YYYY-MM-DD
                    f.csv:2:4: confirmed_quantity '-2' — expected a number > 0 (at most 10¹²)
                    f.csv:3:6: receipt_date '' — expected a value: a receipt needs receipt_id, receipt_date and received_quantity
                    f.csv:4: neither a confirmation nor a receipt — expected confirmed_date or confirmed_quantity, or receipt_id, receipt_date and received_quantity
                    f.csv:6: PO-1 line 3 is confirmed twice (first at f.csv:5) — expected one confirmation per line
                    f.csv:7:7: received_quantity 'abc' — expected a number > 0 (at most 10¹²)
                    """)
        #expect(
            Self.failure("po_id,line,recieved_quantity\nPO-1,1,5\n")
                == "f.csv:1:3: unknown column 'recieved_quantity' — expected po_id, line, item_id, confirmed_date, confirmed_quantity, receipt_id, receipt_date, received_quantity (or a column of po export)"
        )
        #expect(
            Self.failure("po_id,confirmed_date\n")
                == "f.csv:1: missing column line — expected the columns po_id, line and the updates")
        #expect(Self.failure("po_id,line,confirmed_date\n") == "f.csv: no rows — expected one row per purchase-order line update")
        #expect(
            Self.failure(
                "po_id,line,receipt_id,receipt_date,received_quantity\nPO-1,1,GR-1,2026-12-01,1\nPO-1,2,GR-1,2026-12-01,1\n")
                == "f.csv:3:3: receipt_id 'GR-1' — expected each receipt once (first at f.csv:2)")
        #expect(
            Self.failure(
                #"{"updates": [{"po_id": "PO-1", "line": 1.5, "confirmed_date": true, "note": "x"}]}"#, name: "f.json", .json)
                == "f.json: updates[0].confirmed_date: true — expected text or a number\nf.json: updates[0].note: unknown member — expected po_id, line, item_id, confirmed_date, confirmed_quantity, receipt_id, receipt_date, received_quantity"
        )
        #expect(
            Self.failure(#"{"updates": [{"po_id": "PO-1", "line": 1.5, "confirmed_date": "2026-12-01"}]}"#, name: "f.json", .json)
                == "f.json: updates[0].line: line '1.5' — expected a whole number ≥ 1")
        #expect(Self.failure("[1", name: "f.json", .json).hasPrefix("f.json:1:"))
        #expect(
            Self.failure(#"{"rows": []}"#, name: "f.json", .json) == #"f.json: no member updates — expected {"updates": [ … ]}"#)
    }
}
