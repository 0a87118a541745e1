import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura backtest`: the document from a data folder, the table, and the errors.
@Suite("procura backtest", .serialized)
struct BacktestCommandTests {
    @Test(
        "procura backtest DATA: per class target vs achieved over the last 52 weeks; every line in exactly one class; misses carry causes"
    )
    func demoCompany() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-backtest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "40", "--locations", "2"]).status == 0)
        let json = try await cli.run(["backtest", folder.path, "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try JSONValue.parse(json.stdout)
        #expect(d["buckets"].int == 52 && d["bucket"].string == "week" && d["measure"].string == "cycle_service_level")
        let lines = d["lines"].array
        #expect(!lines.isEmpty)
        #expect(lines.count == d["classes"].array.reduce(0) { $0 + ($1["item_locations"].int ?? 0) })
        for line in lines where line["status"].string != "ok" {
            #expect(!line["causes"].array.isEmpty, "\(line["item_id"]) \(line["status"])")
        }
        for line in lines {
            let fill = line["fill_rate"].double ?? 0
            #expect(fill.isNaN || (0...1).contains(fill))
        }
        let table = try await cli.run(["backtest", folder.path, "--quiet"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("Back-test ") && table.stdout.contains("Policies that did not hold"))
        let csv = try await cli.run(["backtest", folder.path, "--quiet", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == lines.count + 1)
    }

    @Test("a bad date is a usage error naming the flag; from after to names both days")
    func errors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-backtest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "10", "--locations", "1"]).status == 0)
        let bad = try await cli.run(["backtest", folder.path, "--from", "2026-02-30"])
        #expect(bad.status == 64 && bad.stderr.contains("--from '2026-02-30' — expected YYYY-MM-DD"), "\(bad.stderr)")
        let reversed = try await cli.run(["backtest", folder.path, "--from", "2026-06-01", "--to", "2026-05-01", "--quiet"])
        #expect(reversed.status == 64)
        #expect(reversed.stderr.contains("from 2026-06-01 is after to 2026-05-01"), "\(reversed.stderr)")
    }
}
