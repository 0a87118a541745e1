import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura phase-out` on a demo company (its dying items are partly phase-out items with a successor).
@Suite("procura phase-out", .serialized)
struct PhaseOutCommandTests {
    @Test("every pair is a phase-out item with its successor; totals add up; csv one row per pair; the table's header")
    func demoCompany() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-phase-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "120", "--locations", "2"]).status == 0)
        let json = try await cli.run(["phase-out", folder.path, "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let r = try JSONValue.parse(json.stdout)
        let lines = r["lines"].array
        #expect(!lines.isEmpty, "the demo company has phase-out items with successors")
        #expect(r["pairs"].double == Double(lines.count))
        for key in ["surplus_value", "shortfall_qty", "overlap_value"] {
            expectClose(
                lines.reduce(0.0) { $0 + ($1[key].double ?? .nan) }, r[key].double ?? .nan, relative: 1e-9, absolute: 1e-9, key)
        }
        for line in lines {
            #expect(line["replenishment"].string == "stopped" && line["steps"].array.count == 7)
            let surplus = line["surplus_qty"].double ?? .nan
            let shortfall = line["shortfall_qty"].double ?? .nan
            #expect(surplus == 0 || shortfall == 0, "\(line["item_id"])")
        }
        let csv = try await cli.run(["phase-out", folder.path, "--format", "csv", "--quiet"])
        #expect(csv.stdout.split(separator: "\n").count == lines.count + 1)
        #expect(csv.stdout.hasPrefix("item_id,successor_id,location_id,category,on_hand,on_order,"))
        let table = try await cli.run(["phase-out", folder.path, "--quiet"])
        #expect(table.stdout.hasPrefix("Phase-out as of "))
        let bad = try await cli.run(["phase-out", folder.path, "--format", "pdf"])
        #expect(bad.status == 64 && bad.stderr.hasPrefix("Error: "))
    }
}
