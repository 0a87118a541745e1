import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura proposals`: the JSON document on a data folder, one item-location's table, and the errors.
@Suite("procura proposals", .serialized)
struct ProposalsCommandTests {
    @Test("procura proposals DATA: orders grouped per supplier and location, lines reconcile with the item's table")
    func proposals() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-proposals-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        let result = try await cli.run(["proposals", folder.path, "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try JSONValue.parse(result.stdout)
        #expect(report["horizon_buckets"].int == 13 && report["bucket"].string == "week")
        let orders = report["proposals"].array
        #expect(!orders.isEmpty)
        var seen = Set<String>()
        var total = 0.0
        for order in orders {
            let key = (order["supplier_id"].string ?? "") + "@" + (order["location_id"].string ?? "")
            #expect(seen.insert(key + (order["release_date"].string ?? "")).inserted)
            total += order["value"].double ?? .nan
        }
        #expect(abs(total - (report["total_value"].double ?? .nan)) < 1e-6 * max(1, total))
        let line = orders[0]["lines"][0]
        let item = try #require(line["item_id"].string)
        let location = try #require(line["location_id"].string)
        let table = try await cli.run([
            "proposals", folder.path, "--item", item, "--location", location, "--format", "json", "--quiet",
        ])
        #expect(table.status == 0, "\(table.stderr)")
        let requirements = try JSONValue.parse(table.stdout)
        #expect(requirements["outcome"].string == "proposed")
        let bucket = try #require(line["requirement"]["bucket"].int)
        #expect(requirements["buckets"][bucket - 1]["net_requirement"].double == line["requirement"]["net_requirement"].double)
        #expect(!requirements["steps"].array.isEmpty)
        let text = try await cli.run(["proposals", folder.path, "--item", item, "--location", location, "--quiet"])
        #expect(text.stdout.contains("available at the start: PAB₋₁ = on hand + supplier-owned on hand − allocated"))
        let csv = try await cli.run(["proposals", folder.path, "--format", "csv", "--quiet"])
        #expect(csv.stdout.hasPrefix("proposal,supplier_id,location_id,release_date,item_id,quantity,"))
        #expect(csv.stdout.split(separator: "\n").count == 1 + orders.reduce(0) { $0 + $1["lines"].array.count })
    }

    @Test("procura proposals --database nets the stored plan run: the same proposals as the data folder; no run is an error")
    func database() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-proposals-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("p.sqlite").path
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        let none = try await cli.run(["proposals", "--database", database])
        #expect(none.status == 1 && none.stderr.contains("no plan run stored — run `procura plan --database` first"))
        #expect(try await cli.run(["plan", "--database", database, "--quiet"]).status == 0)
        let stored = try await cli.run(["proposals", "--database", database, "--format", "json"])
        #expect(stored.status == 0, "\(stored.stderr)")
        let planned = try await cli.run(["proposals", demo, "--format", "json", "--quiet"])
        let differences = KPIsCommandTests.differences(
            try KPIsCommandTests.json(stored.stdout), try KPIsCommandTests.json(planned.stdout), relative: 1e-9,
            ignoring: ["run_number"])
        #expect(differences.isEmpty, "\(differences.prefix(10))")
        #expect(try JSONValue.parse(stored.stdout)["run_number"].int == 1)
        let longer = try await cli.run(["proposals", "--database", database, "--horizon", "20"])
        #expect(longer.status == 64)
        #expect(longer.stderr.contains("horizon 20 buckets: the plan's forecasts cover 13"), "\(longer.stderr)")
    }

    @Test("procura proposals: --item without --location, an unknown item-location, a bad horizon are usage errors")
    func errors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-proposals-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "10", "--locations", "1"]).status == 0)
        let alone = try await cli.run(["proposals", folder.path, "--item", "X"])
        #expect(alone.status == 64 && alone.stderr.contains("give --item and --location together"), "\(alone.stderr)")
        let unknown = try await cli.run(["proposals", folder.path, "--item", "NOPE", "--location", "NOWHERE", "--quiet"])
        #expect(unknown.status == 64, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("no item-location NOPE at NOWHERE in the plan"), "\(unknown.stderr)")
        let horizon = try await cli.run(["proposals", folder.path, "--horizon", "0", "--quiet"])
        #expect(horizon.status == 64)
        #expect(horizon.stderr.contains("horizon 0 buckets — expected a whole number from 1 to 520"), "\(horizon.stderr)")
    }
}
