import Foundation
import ProcuraTestSupport
import Testing

@Suite("procura forecast")
struct ForecastCommandTests {
    func seriesFile(_ values: [Double], header: String? = "quantity") throws -> URL {
        let dir = try Fixtures.temporaryDirectory("forecast-cli")
        let url = dir.appendingPathComponent("series.txt")
        let lines = (header.map { [$0] } ?? []) + values.map { String($0) }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    @Test("--series FILE --model ses --alpha 0.1 --format json: the contract keys and statsforecast's numbers")
    func sesJSON() throws {
        let y = try #require(try ReferenceFile("forecast_series.json").cases.first { $0["id"].string == "smooth_weekly" })["y"].doubles
        let file = try seriesFile(y)
        let r = try CLIRunner().run(["forecast", "--series", file.path, "--model", "ses", "--alpha", "0.1", "--horizon", "3", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try json(r.stdout)
        #expect(out["model"].string == "ses")
        #expect(out["params"]["alpha"].double == 0.1)
        #expect(out["forecast"].doubles.count == 3)
        expectClose(try #require(out["forecast"][0].double), 100.98862956770351, relative: 1e-12, "forecast")
        #expect(out["fitted"].array.count == y.count)
        #expect(out["fitted"][0].isNull, "NaN fitted values are null")
    }

    @Test("model flags reach the model: holt-winters multiplicative, tsb alphas, moving-average window")
    func flags() throws {
        let y = try #require(try ReferenceFile("forecast_series.json").cases.first { $0["id"].string == "seasonal_monthly" })["y"].doubles
        let file = try seriesFile(y)
        let runner = try CLIRunner()
        let hw = try runner.run([
            "forecast", "--series", file.path, "--model", "holt-winters", "--season-length", "12", "--seasonal", "multiplicative",
            "--format", "json",
        ])
        #expect(hw.status == 0, "\(hw.stderr)")
        #expect(try json(hw.stdout)["method"].string?.hasPrefix("ETS(M,A") == true)
        let tsb = try runner.run(["forecast", "--series", file.path, "--model", "tsb", "--alpha-d", "0.2", "--alpha-p", "0.05", "--format", "json"])
        #expect(try json(tsb.stdout)["params"]["alpha_p"].double == 0.05)
        let ma = try runner.run(["forecast", "--series", file.path, "--model", "moving-average", "--window", "3", "--horizon", "1", "--format", "json"])
        #expect(try json(ma.stdout)["forecast"][0].double == (y[y.count - 1] + y[y.count - 2] + y[y.count - 3]) / 3)
    }

    @Test("auto selection reports the chosen model, runner-up and every candidate's score")
    func auto() throws {
        let y = try #require(try ReferenceFile("forecast_series.json").cases.first { $0["id"].string == "lumpy_weekly" })["y"].doubles
        let r = try CLIRunner().run(["forecast", "--series", try seriesFile(y).path, "--model", "auto", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try json(r.stdout)
        #expect(out["model"].string == "auto")
        #expect(out["selection"]["pattern"].string == "lumpy")
        #expect(out["selection"]["chosen"].string != nil)
        #expect(out["selection"]["runner_up"].string != nil)
        #expect(out["selection"]["scores"].object.count >= 4)
        #expect(out["forecast"].array.count == 12)
    }

    @Test("bad input exits non-zero with a clear message", arguments: [
        (["--model", "nope"], "expected one of"),
        (["--model", "moving-average"], "needs --window"),
        (["--model", "ses", "--window", "3"], "--window does not apply to ses"),
        (["--model", "ses", "--alpha", "1.5"], "alpha 1.5"),
        (["--model", "holt-winters"], "needs --season-length"),
        (["--horizon", "0"], "--horizon 0"),
    ])
    func badInput(_ arguments: [String], _ message: String) throws {
        let file = try seriesFile([3, 4, 5, 4, 3, 5, 6, 4, 5, 4, 3, 5, 4, 6, 5, 4, 5, 3, 4, 5])
        let r = try CLIRunner().run(["forecast", "--series", file.path] + arguments)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    }

    @Test("a non-numeric line after the header names the file and line")
    func badFile() throws {
        let dir = try Fixtures.temporaryDirectory("forecast-cli")
        let url = dir.appendingPathComponent("s.txt")
        try "qty\n3\nfour\n5\n".write(to: url, atomically: true, encoding: .utf8)
        let r = try CLIRunner().run(["forecast", "--series", url.path, "--model", "naive"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("s.txt:3: 'four' — expected a number"), "stderr: \(r.stderr)")
    }

    @Test("the data-folder form is refused as not yet available")
    func dataFolder() throws {
        let r = try CLIRunner().run(["forecast", "some/folder", "--model", "auto"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("not yet available"), "stderr: \(r.stderr)")
    }
}
