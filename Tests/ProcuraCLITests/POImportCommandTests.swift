import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura po import`: the ERP's confirmations (a `po export` file with a confirmed_date column
/// added) and receipts (JSON), all or nothing, and the same file again changes nothing.
@Suite("procura po import", .serialized)
struct POImportCommandTests {
    @Test("po export + confirmed_date imports as confirmations; a JSON receipt goes through the ledger; refusals change nothing")
    func importUpdates() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-poimport-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("po.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        #expect(try await cli.run(["plan", "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("bo", "buyer"), ("ada", "approver"), ("vic", "viewer")] {
            #expect(try await run(["user", "add", user, "--role", role]).status == 0)
        }
        let released = try await run(["proposals", "--release", "--as", "bo", "--format", "json"])
        let orders = try JSONValue.parse(released.stdout)["purchase_orders"].array
        let order = try #require(orders.first { ($0["value"].double ?? .infinity) <= 50_000 })
        let id = try #require(order["po_id"].string)
        let lines = order["lines"].array.count
        await #expect(try run(["approve", id, "--as", "ada"]).status == 0)
        await #expect(try run(["po", "release", id, "--as", "bo"]).status == 0)

        // The export, with the supplier's date added as a column.
        let export = try await run(["po", "export"]).stdout.split(separator: "\n").map(String.init)
        let confirmations = folder.appendingPathComponent("confirmations.csv").path
        let text = ([export[0] + ",confirmed_date"] + export.dropFirst().map { $0 + ",2026-12-20" }).joined(separator: "\n")
        try text.write(toFile: confirmations, atomically: true, encoding: .utf8)
        let first = try await run(["po", "import", confirmations, "--as", "bo"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout
                == "\(confirmations): \(lines) line(s) confirmed (1 order(s) now confirmed), 0 unchanged; 0 receipt(s) posted, 0 replayed\n\(id) confirmed\n"
        )
        let again = try await run(["po", "import", confirmations, "--as", "bo"])
        #expect(again.status == 0 && again.stdout.hasPrefix("\(confirmations): already imported under key po-import-"))
        #expect(again.stdout.contains(": nothing changed\n\(id) confirmed\n"), "\(again.stdout)")
        let byKey = try await run(["po", "import", confirmations, "--as", "bo", "--key", "erp-1"])
        #expect(
            byKey.stdout
                == "\(confirmations): nothing changed: every confirmation (\(lines)) and receipt (0) was imported before\n\(id) confirmed\n"
        )

        // Refusals: a bad line (65), a viewer (1), a bad flag (64) — nothing changes.
        let bad = folder.appendingPathComponent("bad.csv").path
        try "po_id,line,confirmed_date\n\(id),99,2026-12-21\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try await run(["po", "import", bad, "--as", "bo"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "Error: \(bad):2: line '99' — \(id) has lines 1 to \(lines)\nnothing was imported\n")
        let viewer = try await run(["po", "import", confirmations, "--as", "vic", "--key", "erp-2"])
        #expect(viewer.status == 1)
        #expect(
            viewer.stderr
                == "Error: vic (role viewer) may not import purchase-order confirmations and receipts — roles that may: buyer, admin\nnothing was changed\n"
        )
        await #expect(try run(["po", "import", confirmations, "--as", "bo", "--format", "xml"]).status == 64)
        let syntax = folder.appendingPathComponent("syntax.csv").path
        try "po_id,line,confirmed_date\n\(id),1,20.12.2026\n".write(toFile: syntax, atomically: true, encoding: .utf8)
        let wrong = try await run(["po", "import", syntax, "--as", "bo"])
        #expect(wrong.status == 65)
        #expect(wrong.stderr == "Error: \(syntax):2:3: confirmed_date '20.12.2026' — expected a date YYYY-MM-DD\n")

        // A receipt of line 1 in full, as JSON, through the ledger.
        let listed = try JSONValue.parse(try await run(["po", "list", "--state", "confirmed", "--format", "json"]).stdout)
        let line = listed["purchase_orders"][0]["lines"][0]
        #expect(line["confirmed_date"].string == "2026-12-20")
        let quantity = try #require(line["quantity"].double)
        let receipt = folder.appendingPathComponent("receipts.json").path
        let today = SystemClock().today().description
        try """
        {"updates": [{"po_id": "\(id)", "line": 1, "receipt_id": "GR-\(id)", "receipt_date": "\(today)", "received_quantity": \(JSONValue.text(of: quantity))}]}
        """.write(toFile: receipt, atomically: true, encoding: .utf8)
        let posted = try await run(["po", "import", receipt, "--as", "bo"])
        #expect(posted.status == 0, "\(posted.stderr)")
        #expect(
            posted.stdout.contains("0 line(s) confirmed (0 order(s) now confirmed), 0 unchanged; 1 receipt(s) posted, 0 replayed")
        )
        #expect(posted.stdout.hasSuffix("\(id) \(lines == 1 ? "received" : "partially_received")\n"), "\(posted.stdout)")
        let entries = try await run(["po", "unmatched-receipts", "--format", "csv"])
        #expect(!entries.stdout.contains("GR-\(id)"), "the receipt went onto the order")
    }
}
