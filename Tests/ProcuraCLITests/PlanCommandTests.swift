import Foundation
import ProcuraTestSupport
import Testing

@Suite("procura plan")
struct PlanCommandTests {
    let folder = Fixtures.url("import/valid").path

    @Test("writes policies.csv, explanations.jsonl and summary.json and prints the value table")
    func writesFiles() throws {
        let out = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner().run(["plan", folder, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote policies.csv, explanations.jsonl and summary.json to"))
        let csv = try String(contentsOf: out.appendingPathComponent("policies.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("item_id,location_id,abc,xyz,pattern,") == true)
        for column in ["service_level", "safety_stock", "reorder_point", "order_quantity", "min", "max", "annual_cost", "overridden"] {
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

    @Test("bad flags exit 64, invalid data 65, an unwritable folder 73")
    func errors() throws {
        let runner = try CLIRunner()
        let badDate = try runner.run(["plan", folder, "--out", "/tmp/x", "--as-of", "2024-02-30"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--as-of must be a date YYYY-MM-DD, got '2024-02-30'"))
        let missing = try runner.run(["plan", "/nonexistent", "--out", "/tmp/x"])
        #expect(missing.status == 65)
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let unwritable = try runner.run(["plan", folder, "--out", file.path])
        #expect(unwritable.status == 73)
        #expect(unwritable.stderr.contains("cannot write to"))
    }

    @Test("--estimator: forecast (default) names the chosen models, history the window mean")
    func estimators() throws {
        let folder = try ForecastCommandTests.company()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = try CLIRunner()
        func models(_ arguments: [String]) throws -> [String] {
            let out = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let r = try runner.run(["plan", folder.path, "--out", out.path] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            let lines = try String(contentsOf: out.appendingPathComponent("policies.csv"), encoding: .utf8).split(separator: "\n")
            let column = try #require(lines.first?.split(separator: ",").firstIndex(of: "forecast_model"))
            return lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
        }
        let forecast = try models([])
        #expect(forecast.count == 2 && !forecast.contains("window_mean"), "\(forecast)")
        #expect(forecast.allSatisfy { ["ses", "holt", "croston-sba", "tsb", "ses+seasonal", "holt+seasonal"].contains($0) }, "\(forecast)")
        #expect(try models(["--estimator", "history"]) == ["window_mean", "window_mean"])
        let bad = try runner.run(["plan", folder.path, "--out", "/tmp/x", "--estimator", "oracle"])
        #expect(bad.status == 64)
    }
}
