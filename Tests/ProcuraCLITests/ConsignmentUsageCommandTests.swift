import Foundation
import ProcuraTestSupport
import Testing

@Suite("procura reconcile usage")
struct ConsignmentUsageCommandTests {
    @Test("lists consumed consignment/VMI stock, one supplier's with --supplier; a bad date exits 64")
    func usage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-usage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("u.sqlite").path
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2", "--seed", "11"]).status == 0)
        let imported = try await cli.run(["import", demo, "--database", database, "--quiet"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let all = try await cli.run(["reconcile", "usage", "--database", database, "--format", "csv"])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "date,supplier_id,owner,item_id,location_id,quantity,unit_price,amount")
        #expect(lines.count > 1, "the demo company consumes consignment or VMI stock")
        let supplier = try #require(lines.dropFirst().first?.split(separator: ",")[1]).description
        let one = try await cli.run(["reconcile", "usage", "--database", database, "--supplier", supplier, "--format", "csv"])
        let rows = one.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.split(separator: ",")[1] == supplier })
        #expect(rows.count == lines.dropFirst().filter { $0.split(separator: ",")[1] == supplier }.count)
        let table = try await cli.run(["reconcile", "usage", "--database", database])
        #expect(table.stdout.hasPrefix("Consignment and VMI usage: \(lines.count - 1) line(s)"))
        let bad = try await cli.run(["reconcile", "usage", "--database", database, "--from", "soon"])
        #expect(bad.status == 64 && bad.stderr.contains("--from 'soon' — expected YYYY-MM-DD"))
    }
}
