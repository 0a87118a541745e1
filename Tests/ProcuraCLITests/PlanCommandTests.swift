import DataImport
import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("procura plan")
struct PlanCommandTests {
    let folder = Fixtures.url("import/valid").path

    @Test("writes policies.csv, explanations.jsonl and summary.json and prints the value table")
    func writesFiles() async throws {
        let out = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLIRunner().run(["plan", folder, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote policies.csv, explanations.jsonl and summary.json to"))
        let csv = try String(contentsOf: out.appendingPathComponent("policies.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("item_id,location_id,abc,xyz,pattern,") == true)
        for column in [
            "service_level", "safety_stock", "reorder_point", "order_quantity", "min", "max", "annual_cost", "overridden",
        ] {
            #expect(lines.first?.split(separator: ",").contains(Substring(column)) == true, "column \(column)")
        }
        #expect(lines.count == 6)
        let explanations = try String(contentsOf: out.appendingPathComponent("explanations.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(explanations.count == 5)
        for line in explanations {
            let object = try JSONValue.parse(Data(line.utf8))
            #expect(object["item_id"].string != nil && !object["steps"].array.isEmpty || object["policy"].string == "none")
        }
        let summary = try JSONValue.parse(Data(contentsOf: out.appendingPathComponent("summary.json")))
        #expect(summary["item_locations"].int == 5)
        #expect(summary["as_of"].string == "2024-03-04")
    }

    @Test("bad flags exit 64, invalid data 65, an unwritable folder 1")
    func errors() async throws {
        let runner = try CLIRunner()
        let badDate = try await runner.run(["plan", folder, "--out", "/tmp/x", "--as-of", "2024-02-30"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--as-of must be a date YYYY-MM-DD, got '2024-02-30'"))
        let missing = try await runner.run(["plan", "/nonexistent", "--out", "/tmp/x"])
        #expect(missing.status == 65)
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let unwritable = try await runner.run(["plan", folder, "--out", file.path])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot write to"))
    }

    @Test("--estimator: forecast (default) names the chosen models, history the window mean")
    func estimators() async throws {
        let folder = try ForecastCommandTests.company()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = try CLIRunner()
        func models(_ arguments: [String]) async throws -> [String] {
            let out = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let r = try await runner.run(["plan", folder.path, "--out", out.path] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = try String(contentsOf: out.appendingPathComponent("policies.csv"), encoding: .utf8).split(separator: "\n")
            let column = try #require(lines.first?.split(separator: ",").firstIndex(of: "forecast_model"))
            return lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
        }
        let forecast = try await models([])
        #expect(forecast.count == 2 && !forecast.contains("window_mean"), "\(forecast)")
        #expect(
            forecast.allSatisfy { ["ses", "holt", "croston-sba", "tsb", "ses+seasonal", "holt+seasonal"].contains($0) },
            "\(forecast)")
        await #expect(try await models(["--estimator", "history"]) == ["window_mean", "window_mean"])
        let bad = try await runner.run(["plan", folder.path, "--out", "/tmp/x", "--estimator", "oracle"])
        #expect(bad.status == 64)
    }

    /// policies.csv as rows keyed by item and location.
    static func policies(_ folder: URL) throws -> (header: [String], rows: [String: [String]]) {
        let csv = try CSVDocument(path: folder.appendingPathComponent("policies.csv").path, name: "policies.csv")
        var rows: [String: [String]] = [:]
        for row in csv.rows { rows[row.fields[0] + "@" + row.fields[1]] = row.fields }
        return (csv.header, rows)
    }

    @Test("plan on the database: the folder's plan, with its settings, stored as numbered runs and compared")
    func onDatabase() async throws {
        let work = try Fixtures.temporaryDirectory("procura-plan-db")
        defer { try? FileManager.default.removeItem(at: work) }
        let url = "sqlite:" + work.appendingPathComponent("procura.sqlite").path
        let runner = try CLIRunner()
        let demo = work.appendingPathComponent("demo").path
        #expect(try await runner.run(["demo-data", "--out", demo, "--items", "40", "--locations", "2"]).status == 0)
        // Settings that differ from the defaults, so that the database run shows it used them.
        let settings = work.appendingPathComponent("demo/settings.yaml")
        try (String(contentsOf: settings, encoding: .utf8) + "\n").replacingOccurrences(
            of: "currency: EUR", with: "currency: USD"
        )
        .write(to: settings, atomically: true, encoding: .utf8)
        let fromFolder = work.appendingPathComponent("folder")
        let fromDatabase = work.appendingPathComponent("database")
        let direct = try await runner.run(["plan", demo, "--out", fromFolder.path, "--quiet"])
        #expect(direct.status == 0, "\(direct.stderr)")

        let empty = try await runner.run(["plan", "--database", url])
        #expect(empty.status == 1)
        #expect(empty.stderr == "Error: \(url) holds no imported data — run `procura import DATA --database \(url)` first\n")

        let imported = try await runner.run(["import", demo, "--database", url, "--quiet"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let first = try await runner.run(["plan", "--database", url, "--out", fromDatabase.path, "--label", "baseline"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout.contains(
                "Stored as plan run 1 (baseline) in \(url): 189 results for 63 item-locations, as of 2026-11-30\n"))
        #expect(!first.stdout.contains("Compared with"))
        #expect(first.stdout.contains("USD"))
        // The database holds what the folder holds, settings.yaml included: the same policies and the
        // same stock on hand (the count plus the postings of transactions.csv, in both), numbers to
        // 1e-9 — demand is stored in fixed point.
        let a = try await Self.policies(fromFolder)
        let b = try await Self.policies(fromDatabase)
        #expect(a.header == b.header && a.rows.count == 63 && Set(a.rows.keys) == Set(b.rows.keys))
        for (key, x) in a.rows {
            let y = try #require(b.rows[key])
            for (c, name) in a.header.enumerated() {
                if let u = Double(x[c]), let v = Double(y[c]) {
                    #expect(abs(u - v) <= 1e-9 * max(1, abs(u)), "\(key) \(name): \(x[c]) against \(y[c])")
                } else {
                    #expect(x[c] == y[c], "\(key) \(name)")
                }
            }
        }

        let second = try await runner.run(["plan", "--database", url, "--estimator", "history"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Stored as plan run 2 in \(url)"))
        #expect(second.stdout.contains("Compared with run 1: "))
        let third = try await runner.run(["plan", "--database", url, "--estimator", "history"])
        #expect(third.stdout.contains("Stored as plan run 3 in \(url)"))
        #expect(third.stdout.contains("Compared with run 2: 0 of 63 item-locations changed\n"))
        let earlier = try await runner.run([
            "plan", "--database", url, "--estimator", "history", "--as-of", "2026-06-01", "--compare-with", "1",
        ])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        #expect(earlier.stdout.contains("Stored as plan run 4 in \(url)"))
        #expect(earlier.stdout.contains("as of 2026-06-01"))
        #expect(earlier.stdout.contains("Compared with run 1: "))
        let missing = try await runner.run(["plan", "--database", url, "--compare-with", "9"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: no plan run 9 — stored runs: 1, 2, 3, 4\n")
        let fifth = try await runner.run(["plan", "--database", url, "--estimator", "history"])
        #expect(fifth.stdout.contains("Stored as plan run 5 in \(url)"), "the refused run stored nothing")

        let both = try await runner.run(["plan", demo, "--out", fromFolder.path, "--database", url])
        #expect(both.status == 64)
        #expect(both.stderr.contains("give either a data folder or --database, not both"))
        let noOut = try await runner.run(["plan", demo])
        #expect(noOut.status == 64)
        #expect(noOut.stderr.contains("--out DIR is required with a data folder"))
    }
}
