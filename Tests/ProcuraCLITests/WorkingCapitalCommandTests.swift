import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura working-capital` on a demo company.
@Suite("procura working-capital", .serialized)
struct WorkingCapitalCommandTests {
    @Test(
        "frontiers per class, today's total, a target's choice in JSON, CSV and the table; bad options by name, before any planning"
    )
    func demoCompany() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-wc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "120", "--locations", "2"]).status == 0)
        let json = try await cli.run(["working-capital", folder.path, "--format", "json", "--quiet", "--levels", "0.9,0.95,0.99"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try JSONValue.parse(json.stdout)
        #expect(d["classes"].array.map { $0["class"].string ?? "" } == ["A", "B", "C"])
        #expect(d["levels"].array.compactMap(\.double) == [0.9, 0.95, 0.99])
        let today = d["current"]["investment"].double ?? .nan
        expectClose(
            d["classes"].array.reduce(0.0) { $0 + ($1["current"]["investment"].double ?? .nan) }, today, relative: 1e-9,
            absolute: 1e-6, "total")
        // A generous target keeps today's service or better; a target of 1 cannot be reached.
        let generous = try JSONValue.parse(
            try await cli.run(["working-capital", folder.path, "--format", "json", "--quiet", "--target", String(Int(today * 2))])
                .stdout)
        #expect(generous["target"]["feasible"] == .bool(true))
        #expect((generous["target"]["service"].double ?? 0) >= (generous["current"]["service"].double ?? 1) - 1e-12)
        let tiny = try await cli.run(["working-capital", folder.path, "--quiet", "--target", "1", "--floors", "A:0.9"])
        #expect(tiny.status == 0 && tiny.stdout.contains("Target 1 EUR: NOT reachable"), "\(tiny.stdout)")
        #expect(tiny.stdout.hasPrefix("Working capital vs "))
        let csv = try await cli.run(["working-capital", folder.path, "--format", "csv", "--quiet", "--levels", "0.9,0.99"])
        #expect(csv.stdout.hasPrefix("class,level,service,investment,floor,item_locations,annual_demand_value\n"))
        #expect(csv.stdout.split(separator: "\n").count == 1 + 3 * 3, "header + per class today and two levels")
        let bad = try await cli.run(["working-capital", folder.path, "--floors", "A:1.2"])
        #expect(bad.status == 64)
        #expect(
            bad.stderr.contains("floors: 'A:1.2' is not valid — expected a floor from 0 to below 1 after the colon"),
            "\(bad.stderr)")
    }
}
