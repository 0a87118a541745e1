import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura proposals --release`, `procura approve`, `procura po list|export|release|cancel`.
@Suite("procura po and procura approve", .serialized)
struct PurchaseOrderCommandTests {
    @Test("release, approve, export, cancel: the requester never approves their own proposal; refusals change nothing")
    func lifecycle() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-po-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("po.sqlite").path
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        #expect(try await cli.run(["plan", "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("bo", "buyer"), ("ada", "approver"), ("vic", "viewer")] {
            #expect(try await cli.run(["user", "add", user, "--role", role, "--database", database]).status == 0)
        }

        let noUser = try await cli.run(["proposals", "--database", database, "--release"])
        #expect(noUser.status == 64 && noUser.stderr.contains("--release needs --as USER"), "\(noUser.stderr)")
        let viewer = try await cli.run(["proposals", "--database", database, "--release", "--as", "vic"])
        #expect(viewer.status == 1)
        #expect(
            viewer.stderr
                == "Error: vic (role viewer) may not create purchase orders — roles that may: admin, buyer\nnothing was changed\n"
        )
        let released = try await cli.run(["proposals", "--database", database, "--release", "--as", "bo", "--format", "json"])
        #expect(released.status == 0, "\(released.stderr)")
        let orders = try JSONValue.parse(released.stdout)["purchase_orders"].array
        #expect(!orders.isEmpty && orders.allSatisfy { $0["state"].string == "proposed" && $0["created_by"].string == "bo" })
        let again = try await cli.run(["proposals", "--database", database, "--release", "--as", "bo"])
        #expect(again.status == 0 && again.stdout.contains("already saved by this key — nothing new"))
        let small = try #require(orders.first { ($0["value"].double ?? .infinity) <= 50_000 }?["po_id"].string)

        // The requester never approves their own proposal.
        let own = try await cli.run(["approve", small, "--as", "bo", "--database", database])
        #expect(own.status == 1)
        #expect(
            own.stderr
                == "Error: bo created purchase order \(small) and may not approve it (segregation of duties: nobody approves a proposal they created or changed) — ask another approver\nnothing was changed\n"
        )
        let listed = try await cli.run(["po", "list", "--state", "proposed", "--database", database, "--format", "csv"])
        #expect(
            listed.stdout.hasPrefix(
                "po_id,state,supplier_id,location_id,lines,value,currency,release_date,created_by,approved_by,reason\n"))
        #expect(listed.stdout.split(separator: "\n").count == 1 + orders.count, "nothing approved")
        let unknown = try await cli.run(["approve", small, "--as", "nobody", "--database", database])
        #expect(unknown.status == 1 && unknown.stderr.contains("no user 'nobody'"))

        let approved = try await cli.run(["approve", small, "--as", "ada", "--database", database])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.hasPrefix("\(small) approved (approvals: ada at level "))
        let early = try await cli.run(["po", "export", "--database", database])
        #expect(early.stdout == PurchaseOrderCommandTests.exportHeader + "\n", "nothing released yet")
        let release = try await cli.run(["po", "release", small, "--as", "bo", "--database", database])
        #expect(
            release.status == 0 && release.stdout.hasPrefix("\(small) released (approvals: ada at level "), "\(release.stderr)")
        let csv = try await cli.run(["po", "export", "--database", database])
        let rows = csv.stdout.split(separator: "\n")
        let lines = try #require(orders.first { $0["po_id"].string == small }?["lines"].array.count)
        #expect(rows.count == 1 + lines && rows.dropFirst().allSatisfy { $0.hasPrefix("\(small),") })
        let json = try JSONValue.parse(try await cli.run(["po", "export", "--database", database, "--format", "json"]).stdout)
        #expect(json["purchase_orders"].array.map { $0["state"].string } == ["released"])
        #expect(try await cli.run(["po", "export", "--database", database, "--format", "table"]).status == 64)

        let twice = try await cli.run(["approve", small, "--as", "ada", "--database", database])
        #expect(
            twice.stderr
                == "Error: cannot approve purchase order \(small): it is released, which allows confirm, receive_partially, receive, cancel\nnothing was changed\n"
        )
        let cancelled = try await cli.run([
            "po", "cancel", small, "--reason", "supplier closed", "--as", "bo", "--database", database,
        ])
        #expect(cancelled.stdout.hasPrefix("\(small) cancelled"), "\(cancelled.stderr)")
        let done = try await cli.run(["po", "list", "--state", "cancelled", "--database", database, "--format", "json"])
        #expect(try JSONValue.parse(done.stdout)["purchase_orders"][0]["reason"].string == "supplier closed")
        #expect(try await cli.run(["po", "list", "--state", "maybe", "--database", database]).status == 64)

        // Another order through confirm, a partial receipt, the rest, close.
        let next = try #require(orders.first { $0["po_id"].string != small && ($0["value"].double ?? .infinity) <= 50_000 })
        let id = try #require(next["po_id"].string)
        let quantity = try #require(next["lines"][0]["quantity"].double)
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        await #expect(try run(["approve", id, "--as", "ada"]).status == 0)
        await #expect(try run(["po", "release", id, "--as", "bo"]).status == 0)
        await #expect(try run(["po", "confirm", id, "--date", "2026-12-24", "--as", "bo"]).stdout.hasPrefix("\(id) confirmed"))
        await #expect(try run(["po", "confirm", id, "--date", "24.12.2026", "--as", "bo"]).status == 64)
        await #expect(try run(["po", "receive", id, "--line", "1=x", "--as", "bo"]).status == 64)
        let over = try await run(["po", "receive", id, "--line", "1=\(quantity + 1)", "--as", "bo"])
        #expect(over.status == 1 && over.stderr.contains("at most"), "\(over.stderr)")
        await #expect(
            try run(["po", "close", id, "--as", "bo"]).stderr.contains(
                "it is confirmed, which allows receive_partially, receive, cancel"))
        if quantity > 1 {
            await #expect(
                try run(["po", "receive", id, "--line", "1=1", "--as", "bo"]).stdout.hasPrefix("\(id) partially_received"))
        }
        await #expect(try run(["po", "receive", id, "--as", "bo"]).stdout.hasPrefix("\(id) received"))
        await #expect(try run(["po", "close", id, "--as", "ada"]).status == 1, "approvers do not close orders")
        await #expect(try run(["po", "close", id, "--as", "bo"]).stdout.hasPrefix("\(id) closed"))
        let history = try await JSONValue.parse(try run(["po", "list", "--state", "closed", "--format", "json"]).stdout)
        #expect(history["purchase_orders"][0]["confirmed_date"].string == "2026-12-24")
    }

    static let exportHeader =
        "po_id,supplier_id,location_id,line,item_id,purchase_quantity,purchase_uom,quantity,base_uom,unit_price,value,currency,due_date,release_date,approved_by,approved_at"
}
