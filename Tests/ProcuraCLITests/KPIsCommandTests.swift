import Foundation
import ProcuraTestSupport
import Testing

/// `procura kpis`: the same figures from a data folder, from the database and from the web API.
@Suite("procura kpis", .serialized)
struct KPIsCommandTests {
    /// Differences between two JSON documents: numbers within `relative`, everything else equal;
    /// keys in `ignoring` skipped at the top level.
    static func differences(_ a: Any, _ b: Any, path: String = "", relative: Double, ignoring: Set<String> = []) -> [String] {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            let keys = Set(x.keys).union(y.keys).subtracting(path.isEmpty ? ignoring : [])
            return keys.sorted().flatMap { key -> [String] in
                guard let u = x[key], let v = y[key] else { return ["\(path).\(key): only on one side"] }
                return differences(u, v, path: path + "." + key, relative: relative)
            }
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return ["\(path): \(x.count) vs \(y.count) elements"] }
            return zip(x, y).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]", relative: relative) }
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
        let written = try cli.run(["demo-data", "--out", demo, "--items", "30", "--locations", "1"])
        #expect(written.status == 0, "\(written.stderr)")
        let fromFolder = try cli.run(["kpis", demo, "--format", "json", "--quiet"])
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")

        let database = "sqlite:" + folder.appendingPathComponent("demo.sqlite").path
        let (process, address, _, _) = try ServeCommandTests.startDemo(database: database)
        defer { if process.isRunning { process.terminate() } }
        let token = try cli.run(["user", "token", "add", "admin", "--name", "kpis", "--database", database])
        let secret = try #require(token.stdout.split(separator: "\n").last.map(String.init))
        let (status, api) = try await ServeCommandTests.get(address + "/api/v1/dashboard", token: secret)
        #expect(status == 200)
        let fromDatabase = try cli.run(["kpis", "--database", database, "--format", "json"])
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        process.terminate()
        process.waitUntilExit()

        let apiJSON = try Self.json(api)
        let folderDifferences = Self.differences(
            try Self.json(fromFolder.stdout), apiJSON, relative: 1e-9, ignoring: ["run_number"])
        #expect(folderDifferences.isEmpty, "\(folderDifferences.prefix(10))")
        let databaseDifferences = Self.differences(try Self.json(fromDatabase.stdout), apiJSON, relative: 0)
        #expect(databaseDifferences.isEmpty, "\(databaseDifferences.prefix(10))")
        let total = try #require((apiJSON as? [String: Any])?["total"] as? [String: Any])
        #expect((total["inventory_value"] as? Double ?? 0) > 0 && (total["item_locations"] as? Int ?? 0) > 0)
    }

    @Test("procura kpis --by class prints one grouping as a table and as CSV; bad flags exit 64")
    func groupings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-kpis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.path
        #expect(try cli.run(["demo-data", "--out", demo, "--items", "20", "--locations", "1"]).status == 0)
        let table = try cli.run(["kpis", demo, "--by", "class", "--quiet"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Inventory KPIs as of "))
        #expect(table.stdout.contains("class AX") || table.stdout.contains("class AZ"))
        #expect(!table.stdout.contains("category "))
        #expect(table.stdout.contains("Flagged overrides: "))
        let csv = try cli.run(["kpis", demo, "--by", "location", "--format", "csv", "--quiet"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "grouping,name,item_locations,inventory_value,cost_of_goods_issued,annual_usage_value,turns,days_on_hand,issued_quantity,lost_quantity,fill_rate,stockout_days,stockout_item_locations,stockout_frequency"
        )
        #expect(lines.count == 3 && lines[1].hasPrefix("total,total,") && lines[2].hasPrefix("location,"))
        let bad = try cli.run(["kpis", demo, "--by", "supplier"])
        #expect(bad.status == 64)
        let both = try cli.run(["kpis", demo, "--database", "sqlite:/tmp/x.sqlite"])
        #expect(both.status == 64 && both.stderr.contains("give either a data folder or --database, not both"))
    }
}
