import Foundation
import ProcuraTestSupport
import Testing

/// `procura kpis`: the same figures from a data folder, from the database and from the web API.
@Suite("procura kpis", .serialized)
struct KPIsCommandTests {
    /// Differences between two JSON documents: numbers within `relative`, everything else equal;
    /// keys in `ignoring` skipped at the top level, keys in `skipping` at any depth; two nulls are equal.
    static func differences(
        _ a: Any, _ b: Any, path: String = "", relative: Double, ignoring: Set<String> = [], skipping: Set<String> = []
    ) -> [String] {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            let keys = Set(x.keys).union(y.keys).subtracting(path.isEmpty ? ignoring : []).subtracting(skipping)
            return keys.sorted().flatMap { key -> [String] in
                guard let u = x[key], let v = y[key] else { return ["\(path).\(key): only on one side"] }
                return differences(u, v, path: path + "." + key, relative: relative, skipping: skipping)
            }
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) vs \(y.count) elements"] }
            return zip(x, y).enumerated().flatMap {
                differences($1.0, $1.1, path: "\(path)[\($0)]", relative: relative, skipping: skipping)
            }
        case (is NSNull, is NSNull):
            return []
        case (let x as String, let y as String):
            return x == y ? [] : ["\(path): '\(x)' vs '\(y)'"]
        case (let x as NSNumber, let y as NSNumber):
            let (u, v) = (x.doubleValue, y.doubleValue)
            return abs(u - v) <= relative * max(abs(u), abs(v)) ? [] : ["\(path): \(u) vs \(v)"]
        default:
            return ["\(path): \(a) vs \(b)"]
        }
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test(
        "procura kpis demo --format json equals GET /api/v1/dashboard of serve --demo on the same company, and --database equals it exactly",
        .timeLimit(.minutes(10)))
    func sameNumbersEverywhere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-kpis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let written = try await cli.run(["demo-data", "--out", demo, "--items", "30", "--locations", "1"])
        #expect(written.status == 0, "\(written.stderr)")
        let fromFolder = try await cli.run(["kpis", demo, "--format", "json", "--quiet"])
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")

        let database = "sqlite:" + folder.appendingPathComponent("demo.sqlite").path
        let (process, address, _, _) = try await ServeCommandTests.startDemo(database: database)
        defer { if process.isRunning { process.terminate() } }
        let token = try await cli.run(["user", "token", "add", "admin", "--name", "kpis", "--database", database])
        let secret = try #require(token.stdout.split(separator: "\n").last.map(String.init))
        let (status, api) = try await ServeCommandTests.get(address + "/api/v1/dashboard", token: secret)
        #expect(status == 200)
        let fromDatabase = try await cli.run(["kpis", "--database", database, "--format", "json"])
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        process.terminate()
        _ = try await process.exit()

        let apiJSON = try await Self.json(api)
        let folderDifferences = Self.differences(
            try await Self.json(fromFolder.stdout), apiJSON, relative: 1e-9, ignoring: ["run_number"])
        #expect(folderDifferences.isEmpty, "\(folderDifferences.prefix(10))")
        let databaseDifferences = Self.differences(try await Self.json(fromDatabase.stdout), apiJSON, relative: 0)
        #expect(databaseDifferences.isEmpty, "\(databaseDifferences.prefix(10))")
        let total = try #require((apiJSON as? [String: Any])?["total"] as? [String: Any])
        #expect((total["inventory_value"] as? Double ?? 0) > 0 && (total["item_locations"] as? Int ?? 0) > 0)
    }

    @Test("procura kpis --by class prints one grouping as a table and as CSV; bad flags exit 64")
    func groupings() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-kpis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.path
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "20", "--locations", "1"]).status == 0)
        let table = try await cli.run(["kpis", demo, "--by", "class", "--quiet"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Inventory KPIs as of "))
        #expect(table.stdout.contains("class AX") || table.stdout.contains("class AZ"))
        #expect(!table.stdout.contains("category "))
        #expect(table.stdout.contains("Flagged overrides: "))
        let csv = try await cli.run(["kpis", demo, "--by", "location", "--format", "csv", "--quiet"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "grouping,name,item_locations,inventory_value,cost_of_goods_issued,annual_usage_value,turns,days_on_hand,issued_quantity,lost_quantity,fill_rate,stockout_days,stockout_item_locations,stockout_frequency"
        )
        #expect(lines.count == 3 && lines[1].hasPrefix("total,total,") && lines[2].hasPrefix("location,"))
        let bad = try await cli.run(["kpis", demo, "--by", "supplier"])
        #expect(bad.status == 64)
        let both = try await cli.run(["kpis", demo, "--database", "sqlite:/tmp/x.sqlite"])
        #expect(both.status == 64 && both.stderr.contains("give either a data folder or --database, not both"))
    }

    @Test(
        "procura kpis --by month: the KPI trends page and GET /api/v1/kpis/history of serve --demo show the figures of procura kpis --database for the same period; the data folder agrees on every flow",
        .timeLimit(.minutes(10)))
    func historyEverywhere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-kpis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "30", "--locations", "1"]).status == 0)
        let window = ["--from", "2026-03-01", "--to", "2026-08-31"]
        let fromFolder = try await cli.run(
            ["kpis", demo, "--by", "month", "--by", "category", "--format", "json", "--quiet"] + window)
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")

        let database = "sqlite:" + folder.appendingPathComponent("demo.sqlite").path
        let (process, address, _, _) = try await ServeCommandTests.startDemo(database: database)
        defer { if process.isRunning { process.terminate() } }
        let token = try await cli.run(["user", "token", "add", "admin", "--name", "kpis", "--database", database])
        let secret = try #require(token.stdout.split(separator: "\n").last.map(String.init))
        let query = "?from=2026-03-01&to=2026-08-31&by=category"
        let (status, api) = try await ServeCommandTests.get(address + "/api/v1/kpis/history" + query, token: secret)
        #expect(status == 200)
        let (pageStatus, page) = try await ServeCommandTests.get(address + "/kpi-history" + query, token: secret)
        #expect(pageStatus == 200)
        let fromDatabase = try await cli.run(
            ["kpis", "--database", database, "--by", "month", "--by", "category", "--format", "json"] + window)
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        process.terminate()
        _ = try await process.exit()

        let apiJSON = try await Self.json(api)
        let exact = Self.differences(try await Self.json(fromDatabase.stdout), apiJSON, relative: 0)
        #expect(exact.isEmpty, "\(exact.prefix(10))")
        // The database keeps no stock_history.csv: the figures that need the stock over time differ.
        let stockDependent: Set<String> = [
            "stock_days", "average_inventory_value", "inventory_turnover", "inventory_turnover_annualized", "days_on_hand",
            "excess_value", "obsolete_value", "gmroi", "change", "trend", "on_target",
        ]
        let flows = Self.differences(try await Self.json(fromFolder.stdout), apiJSON, relative: 1e-9, skipping: stockDependent)
        #expect(flows.isEmpty, "\(flows.prefix(10))")
        let root = try #require(apiJSON as? [String: Any])
        let periods = try #require(root["periods"] as? [[String: Any]])
        #expect(periods.map { $0["month"] as? String } == ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"])
        let total = try #require((root["total"] as? [String: Any])?["points"] as? [[String: Any]])
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.maximumFractionDigits = 0
        formatter.roundingMode = .halfEven
        for point in total {
            let month = try #require(point["month"] as? String)
            let cogs = try #require(point["cogs"] as? Double)
            let cell = "<td>\(month)</td><td class=\"n\">\(formatter.string(from: NSNumber(value: cogs.rounded())) ?? "")</td>"
            #expect(page.contains(cell), "the page lacks \(cell)")
            if let fill = point["fill_rate"] as? Double {
                #expect(page.contains(String(format: "%.1f %%", fill * 100)))
            }
        }
        #expect((total.first?["cogs"] as? Double ?? 0) > 0)
    }

    @Test("procura kpis: --from after --to, --by item without month and a window without whole weeks exit 64 naming the flags")
    func historyFlags() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-kpis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "20", "--locations", "1"]).status == 0)
        let reversed = try await cli.run(["kpis", folder.path, "--from", "2026-05-01", "--to", "2026-04-01"])
        #expect(
            reversed.status == 64 && reversed.stderr.contains("--to '2026-04-01' — expected a date on or after --from 2026-05-01")
        )
        let item = try await cli.run(["kpis", folder.path, "--by", "item"])
        #expect(item.status == 64 && item.stderr.contains("--by item — expected category, location or class"))
        let outside = try await cli.run(["kpis", folder.path, "--by", "month", "--from", "2030-01-01", "--quiet"])
        #expect(
            outside.status == 64
                && outside.stderr.contains(
                    "--from/--to: no complete week of the demand history lies within from 2030-01-01 … to (end) — the complete weeks of the history cover 2023-12-04 … 2026-11-29"
                ), "\(outside.stderr)")
        let csv = try await cli.run(
            ["kpis", folder.path, "--by", "month", "--by", "supplier", "--from", "2026-09-01", "--format", "csv", "--quiet"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("grouping,name,month,first_day,last_day,days,stock_days,item_locations,cogs,") == true)
        #expect(
            lines.dropFirst().prefix(3).map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == [
                "total,total,2026-09", "total,total,2026-10", "total,total,2026-11",
            ])
        #expect(lines.contains { $0.hasPrefix("supplier,SUP-") })
        // The snapshot KPIs over a window: flows over the whole weeks of 2026-11.
        let snapshot = try await cli.run(["kpis", folder.path, "--from", "2026-11-01", "--to", "2026-11-29", "--quiet"])
        #expect(snapshot.status == 0 && snapshot.stdout.contains("flows over 4 weeks, 2026-11-02 … 2026-11-29 (28 days)"))
        let causes = try await cli.run(["root-causes", folder.path, "--from", "2026-06-01", "--format", "csv", "--quiet"])
        #expect(causes.status == 0, "\(causes.stderr)")
        #expect(
            causes.stdout.hasPrefix(
                "kind,item_id,location_id,category,supplier_id,start,end,stockout_days,value,cause,evidence\n"))
    }
}
