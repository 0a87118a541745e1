import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura proposals --release`, `procura approve`, `procura po list|export|release|cancel`.
@Suite("procura po and procura approve", .serialized)
struct PurchaseOrderCommandTests {
    @Test("release, approve, export, cancel: the requester never approves their own proposal; refusals change nothing")
    func lifecycle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-po-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("po.sqlite").path
        #expect(try cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2"]).status == 0)
        #expect(try cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        #expect(try cli.run(["plan", "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("bo", "buyer"), ("ada", "approver"), ("vic", "viewer")] {
            #expect(try cli.run(["user", "add", user, "--role", role, "--database", database]).status == 0)
        }

        let noUser = try cli.run(["proposals", "--database", database, "--release"])
        #expect(noUser.status == 64 && noUser.stderr.contains("--release needs --as USER"), "\(noUser.stderr)")
        let viewer = try cli.run(["proposals", "--database", database, "--release", "--as", "vic"])
        #expect(viewer.status == 1)
        #expect(
            viewer.stderr
                == "Error: vic (role viewer) may not create purchase orders — roles that may: admin, buyer\nnothing was changed\n"
        )
        let released = try cli.run(["proposals", "--database", database, "--release", "--as", "bo", "--format", "json"])
        #expect(released.status == 0, "\(released.stderr)")
        let orders = try JSONValue.parse(released.stdout)["purchase_orders"].array
        #expect(!orders.isEmpty && orders.allSatisfy { $0["state"].string == "proposed" && $0["created_by"].string == "bo" })
        let again = try cli.run(["proposals", "--database", database, "--release", "--as", "bo"])
        #expect(again.status == 0 && again.stdout.contains("already saved by this key — nothing new"))
        let small = try #require(orders.first { ($0["value"].double ?? .infinity) <= 50_000 }?["po_id"].string)

        // The requester never approves their own proposal.
        let own = try cli.run(["approve", small, "--as", "bo", "--database", database])
        #expect(own.status == 1)
        #expect(
            own.stderr
                == "Error: bo created purchase order \(small) and may not approve it (segregation of duties: nobody approves a proposal they created or changed) — ask another approver\nnothing was changed\n"
        )
        let listed = try cli.run(["po", "list", "--state", "proposed", "--database", database, "--format", "csv"])
        #expect(
            listed.stdout.hasPrefix(
                "po_id,state,supplier_id,location_id,lines,value,currency,release_date,created_by,approved_by,reason\n"))
        #expect(listed.stdout.split(separator: "\n").count == 1 + orders.count, "nothing approved")
        let unknown = try cli.run(["approve", small, "--as", "nobody", "--database", database])
        #expect(unknown.status == 1 && unknown.stderr.contains("no user 'nobody'"))

        let approved = try cli.run(["approve", small, "--as", "ada", "--database", database])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.hasPrefix("\(small) approved (approvals: ada at level "))
        let early = try cli.run(["po", "export", "--database", database])
        #expect(early.stdout == PurchaseOrderCommandTests.exportHeader + "\n", "nothing released yet")
        let release = try cli.run(["po", "release", small, "--as", "bo", "--database", database])
        #expect(
            release.status == 0 && release.stdout.hasPrefix("\(small) released (approvals: ada at level "), "\(release.stderr)")
        let csv = try cli.run(["po", "export", "--database", database])
        let rows = csv.stdout.split(separator: "\n")
        let lines = try #require(orders.first { $0["po_id"].string == small }?["lines"].array.count)
        #expect(rows.count == 1 + lines && rows.dropFirst().allSatisfy { $0.hasPrefix("\(small),") })
        let json = try JSONValue.parse(try cli.run(["po", "export", "--database", database, "--format", "json"]).stdout)
        #expect(json["purchase_orders"].array.map { $0["state"].string } == ["released"])
        #expect(try cli.run(["po", "export", "--database", database, "--format", "table"]).status == 64)

        let twice = try cli.run(["approve", small, "--as", "ada", "--database", database])
        #expect(
            twice.stderr
                == "Error: cannot approve purchase order \(small): it is released, which allows confirm, receive_partially, receive, cancel\nnothing was changed\n"
        )
        let cancelled = try cli.run(["po", "cancel", small, "--reason", "supplier closed", "--as", "bo", "--database", database])
        #expect(cancelled.stdout.hasPrefix("\(small) cancelled"), "\(cancelled.stderr)")
        let done = try cli.run(["po", "list", "--state", "cancelled", "--database", database, "--format", "json"])
        #expect(try JSONValue.parse(done.stdout)["purchase_orders"][0]["reason"].string == "supplier closed")
        #expect(try cli.run(["po", "list", "--state", "maybe", "--database", database]).status == 64)

        // Another order through confirm, a partial receipt, the rest, close.
        let next = try #require(orders.first { $0["po_id"].string != small && ($0["value"].double ?? .infinity) <= 50_000 })
        let id = try #require(next["po_id"].string)
        let quantity = try #require(next["lines"][0]["quantity"].double)
        func run(_ arguments: [String]) throws -> CLIRunner.Result {
            try cli.run(arguments + ["--database", database])
        }
        #expect(try run(["approve", id, "--as", "ada"]).status == 0)
        #expect(try run(["po", "release", id, "--as", "bo"]).status == 0)
        #expect(try run(["po", "confirm", id, "--date", "2026-12-24", "--as", "bo"]).stdout.hasPrefix("\(id) confirmed"))
        #expect(try run(["po", "confirm", id, "--date", "24.12.2026", "--as", "bo"]).status == 64)
        #expect(try run(["po", "receive", id, "--line", "1=x", "--as", "bo"]).status == 64)
        let over = try run(["po", "receive", id, "--line", "1=\(quantity + 1)", "--as", "bo"])
        #expect(over.status == 1 && over.stderr.contains("at most"), "\(over.stderr)")
        #expect(
            try run(["po", "close", id, "--as", "bo"]).stderr.contains(
                "it is confirmed, which allows receive_partially, receive, cancel"))
        if quantity > 1 {
            #expect(try run(["po", "receive", id, "--line", "1=1", "--as", "bo"]).stdout.hasPrefix("\(id) partially_received"))
        }
        #expect(try run(["po", "receive", id, "--as", "bo"]).stdout.hasPrefix("\(id) received"))
        #expect(try run(["po", "close", id, "--as", "ada"]).status == 1, "approvers do not close orders")
        #expect(try run(["po", "close", id, "--as", "bo"]).stdout.hasPrefix("\(id) closed"))
        let history = try JSONValue.parse(try run(["po", "list", "--state", "closed", "--format", "json"]).stdout)
        #expect(history["purchase_orders"][0]["confirmed_date"].string == "2026-12-24")
    }

    static let exportHeader =
        "po_id,supplier_id,location_id,line,item_id,purchase_quantity,purchase_uom,quantity,base_uom,unit_price,value,currency,due_date,release_date,approved_by,approved_at"
}
