import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura proposals --database` nets the purchase orders stored in the database: releasing twice
/// does not order twice; a cancelled order's requirement is proposed again.
@Suite("procura proposals nets stored orders", .serialized)
struct StoredOrderNettingCommandTests {
    @Test("run, release, run again: no second proposal for the same requirement; cancel one: it comes back")
    func runReleaseRunAgain() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-ponet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("po.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        await #expect(try run(["plan", "--quiet"]).status == 0)
        await #expect(try run(["user", "add", "bo", "--role", "buyer"]).status == 0)

        func proposals() async throws -> [JSONValue] {
            let result = try await run(["proposals", "--format", "json", "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            return try JSONValue.parse(result.stdout)["proposals"].array
        }
        let before = try await proposals()
        #expect(!before.isEmpty)
        let released = try await run(["proposals", "--release", "--as", "bo", "--format", "json", "--quiet"])
        #expect(released.status == 0, "\(released.stderr)")
        let orders = try JSONValue.parse(released.stdout)["purchase_orders"].array
        #expect(orders.count == before.count)

        // Every saved line is now supply: nothing is proposed again.
        await #expect(try await proposals().isEmpty)
        let again = try await run(["proposals", "--release", "--as", "bo", "--quiet"])
        #expect(again.status == 0 && again.stdout.contains("already saved by this key — nothing new"), "\(again.stderr)")
        await #expect(
            try JSONValue.parse(try run(["po", "list", "--format", "json"]).stdout)["purchase_orders"].array.count == orders.count
        )

        // Cancelled, an order is no supply any more: its items are proposed again at its location, from
        // its supplier (quantities may differ where an item is split between suppliers: the other
        // supplier's saved line still counts, and the lot is sized anew).
        let first = orders[0]
        let id = try #require(first["po_id"].string)
        await #expect(try run(["po", "cancel", id, "--reason", "supplier closed", "--as", "bo"]).status == 0)
        let back = try await proposals()
        #expect(!back.isEmpty)
        let items = Set(first["lines"].array.compactMap { $0["item_id"].string })
        let location = first["location_id"].string
        #expect(back.allSatisfy { $0["location_id"].string == location })
        #expect(back.flatMap { $0["lines"].array }.allSatisfy { items.contains($0["item_id"].string ?? "") })
        let resupplied = back.filter { $0["supplier_id"].string == first["supplier_id"].string }
        #expect(Set(resupplied.flatMap { $0["lines"].array }.compactMap { $0["item_id"].string }) == items)
    }
}
