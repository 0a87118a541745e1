import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura po create` (duplicate prevention) and `procura emergency create|approve|close-incident|list|report`.
@Suite("procura po create and procura emergency", .serialized)
struct EmergencyCommandTests {
    @Test("a manual order needs a reason while supply is coming; an emergency buy is approved by its named approver only")
    func manualAndEmergency() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-emergency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("e.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "40", "--locations", "2"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("bo", "buyer"), ("ada", "approver"), ("vic", "viewer")] {
            #expect(try await run(["user", "add", user, "--role", role]).status == 0)
        }
        // The first sourcing rule of the demo company.
        let sourcing = try String(contentsOfFile: demo + "/sourcing.csv", encoding: .utf8).split(separator: "\n")
        let header = sourcing[0].split(separator: ",").map(String.init)
        let row = sourcing[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func field(_ name: String) throws -> String { row[try #require(header.firstIndex(of: name))] }
        let (item, location, supplier) = (try field("item_id"), try field("location_id"), try field("supplier_id"))
        let order = ["po", "create", "--supplier", supplier, "--location", location, "--item", item, "--quantity", "3"]

        let first = try await run(order + ["--confirm-duplicate", "cli test", "--as", "bo"])
        #expect(first.status == 0 && first.stdout.hasPrefix("PO-"), "\(first.stderr)")
        let id = String(first.stdout.prefix { $0 != " " })
        // What the order needs before approval, per user: ada may approve it, bo created it.
        let byAda = try await run(["po", "approval", id, "--as", "ada", "--format", "json"])
        let outlook = try JSONValue.parse(byAda.stdout)["approval_outlooks"][0]
        #expect(outlook["po_id"].string == id && outlook["may_approve"] == .bool(true), "\(byAda.stderr)")
        #expect(outlook["remaining_levels"].array == outlook["chain"].array && !outlook["chain"].array.isEmpty)
        let byBo = try await run(["po", "approval", id, "--as", "bo", "--format", "csv"])
        #expect(byBo.status == 0 && byBo.stdout.hasPrefix("po_id,chain,remaining_levels,approvals,may_approve,"))
        #expect(byBo.stdout.contains(",no,,,bo created purchase order \(id) and may not approve it (segregation of duties"))
        let unknown = try await run(["po", "approval", "PO-999999", "--as", "ada"])
        #expect(
            unknown.status == 1 && unknown.stderr == "Error: no purchase order 'PO-999999' — list them with procura po list\n")
        let refused = try await run(order + ["--as", "bo"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Error: \(item) at \(location) is already coming — open proposal \(id) (proposed): "))
        #expect(refused.stderr.hasSuffix(" — to order more, confirm with a reason\nnothing was changed\n"))
        #expect(try await run(order + ["--confirm-duplicate", "", "--as", "bo"]).status == 64)
        #expect(try await run(order + ["--due", "tomorrow", "--as", "bo"]).status == 64)
        let viewer = try await run(order + ["--confirm-duplicate", "x", "--as", "vic"])
        #expect(viewer.status == 1 && viewer.stderr.hasPrefix("Error: vic (role viewer) may not create purchase orders"))

        let buy = [
            "emergency", "create", "--item", item, "--location", location, "--supplier", supplier, "--quantity", "5",
            "--unit-price", "9", "--reason", "pump failure", "--incident", "INC-1", "--deviation", "expedite",
        ]
        let own = try await run(buy + ["--approver", "bo", "--confirm-duplicate", "x", "--as", "bo"])
        #expect(
            own.stderr
                == "Error: an emergency buy needs a named approver who is not the requester (bo) — name another approver\nnothing was changed\n"
        )
        #expect(try await run(buy + ["--approver", "ada", "--deviation", "cheaper", "--as", "bo"]).status == 64)
        let raised = try await run(buy + ["--approver", "ada", "--confirm-duplicate", "the order is late", "--as", "bo"])
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(
            raised.stdout.hasPrefix(
                "EB-000001 requested: 5 of \(item) at \(location) from \(supplier) for incident INC-1; ada approves until "))
        let byBuyer = try await run(["emergency", "approve", "EB-000001", "--as", "bo"])
        #expect(byBuyer.stderr == "Error: bo requested emergency buy EB-000001 and may not approve it\nnothing was changed\n")
        let approved = try await run(["emergency", "approve", "EB-000001", "--as", "ada"])
        #expect(approved.status == 0 && approved.stdout.hasPrefix("EB-000001 approved: purchase order PO-"), "\(approved.stderr)")
        let list = try JSONValue.parse(try await run(["emergency", "list", "--format", "json"]).stdout)
        #expect(list[0]["state"].string == "approved" && list[0]["deviations"].string == "expedite")

        let report = try await run(["emergency", "report", "--format", "csv"])
        let lines = report.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("buy_id,state,incident_id,incident_closed,"))
        #expect(lines[1].hasPrefix("EB-000001,approved,INC-1,no,\(item),\(location),\(supplier),"))
        #expect(try await run(["emergency", "close-incident", "INC-1", "--as", "ada"]).status == 1)
        let closed = try await run(["emergency", "close-incident", "INC-1", "--as", "bo"])
        #expect(closed.stdout == "incident INC-1 closed: EB-000001\n")
        let json = try JSONValue.parse(try await run(["emergency", "report", "--format", "json"]).stdout)
        #expect(json["buys"][0]["incident_closed"] == .bool(true) && json["open_incidents"].int == 0)
        #expect(json["buys"][0]["emergency_cost"].double == 45)
    }
}
