import Foundation
import InventoryCore
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
    func sesJSON() async throws {
        let y = try #require(try ReferenceFile("forecast_series.json").cases.first { $0["id"].string == "smooth_weekly" })["y"]
            .doubles
        let file = try seriesFile(y)
        let r = try await CLIRunner().run([
            "forecast", "--series", file.path, "--model", "ses", "--alpha", "0.1", "--horizon", "3", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try await json(r.stdout)
        #expect(out["model"].string == "ses")
        #expect(out["params"]["alpha"].double == 0.1)
        #expect(out["forecast"].doubles.count == 3)
        expectClose(try #require(out["forecast"][0].double), 100.98862956770351, relative: 1e-12, "forecast")
        #expect(out["fitted"].array.count == y.count)
        #expect(out["fitted"][0].isNull, "NaN fitted values are null")
    }

    @Test("model flags reach the model: holt-winters multiplicative, tsb alphas, moving-average window")
    func flags() async throws {
        let y = try #require(try ReferenceFile("forecast_series.json").cases.first { $0["id"].string == "seasonal_monthly" })["y"]
            .doubles
        let file = try seriesFile(y)
        let runner = try CLIRunner()
        let hw = try await runner.run([
            "forecast", "--series", file.path, "--model", "holt-winters", "--season-length", "12", "--seasonal", "multiplicative",
            "--format", "json",
        ])
        #expect(hw.status == 0, "\(hw.stderr)")
        #expect(try await json(hw.stdout)["method"].string?.hasPrefix("ETS(M,A") == true)
        let tsb = try await runner.run([
            "forecast", "--series", file.path, "--model", "tsb", "--alpha-d", "0.2", "--alpha-p", "0.05", "--format", "json",
        ])
        #expect(try await json(tsb.stdout)["params"]["alpha_p"].double == 0.05)
        let ma = try await runner.run([
            "forecast", "--series", file.path, "--model", "moving-average", "--window", "3", "--horizon", "1", "--format", "json",
        ])
        #expect(try await json(ma.stdout)["forecast"][0].double == (y[y.count - 1] + y[y.count - 2] + y[y.count - 3]) / 3)
    }

    @Test("auto selection reports the chosen model, runner-up and every candidate's score")
    func auto() async throws {
        let y = try #require(try ReferenceFile("forecast_series.json").cases.first { $0["id"].string == "lumpy_weekly" })["y"]
            .doubles
        let r = try await CLIRunner().run(["forecast", "--series", try seriesFile(y).path, "--model", "auto", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try await json(r.stdout)
        #expect(out["model"].string == "auto")
        #expect(out["selection"]["pattern"].string == "lumpy")
        #expect(out["selection"]["chosen"].string != nil)
        #expect(out["selection"]["runner_up"].string != nil)
        #expect(out["selection"]["scores"].object.count >= 4)
        #expect(out["forecast"].array.count == 12)
    }

    @Test(
        "bad input exits non-zero with a clear message",
        arguments: [
            (["--model", "nope"], "expected auto or one of"),
            (["--model", "moving-average"], "needs --window"),
            (["--model", "ses", "--window", "3"], "--window does not apply to ses"),
            (["--model", "ses", "--alpha", "1.5"], "alpha 1.5"),
            (["--model", "holt-winters"], "needs --season-length"),
            (["--horizon", "0"], "--horizon 0"),
        ])
    func badInput(_ arguments: [String], _ message: String) async throws {
        let file = try seriesFile([3, 4, 5, 4, 3, 5, 6, 4, 5, 4, 3, 5, 4, 6, 5, 4, 5, 3, 4, 5])
        let r = try await CLIRunner().run(["forecast", "--series", file.path] + arguments)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    }

    @Test("a non-numeric line after the header names the file and line")
    func badFile() async throws {
        let dir = try Fixtures.temporaryDirectory("forecast-cli")
        let url = dir.appendingPathComponent("s.txt")
        try "qty\n3\nfour\n5\n".write(to: url, atomically: true, encoding: .utf8)
        let r = try await CLIRunner().run(["forecast", "--series", url.path, "--model", "naive"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("s.txt:3: 'four' — expected a number"), "stderr: \(r.stderr)")
    }

    @Test("data folder: the table names the models, the corrections and the top item-locations")
    func dataFolderTable() async throws {
        let r = try await CLIRunner().run(["forecast", Fixtures.url("import/valid").path, "--horizon", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Forecast as of 2024-03-04: 5 item-locations, 3 weeks from 2024-03-04\n"))
        #expect(r.stdout.contains("History corrections: 1 in 1 item-locations (stockout_partial 1)"))
        #expect(r.stdout.contains("Item-locations by forecast value (5 of 5"))
    }

    @Test("data folder --item: the selection, the stock-out correction and the forecast per bucket")
    func dataFolderDetail() async throws {
        let r = try await CLIRunner().run(["forecast", Fixtures.url("import/valid").path, "--item", "P-1", "--horizon", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("P-1 @ DC-1 — category bearings"))
        #expect(r.stdout.contains("2024-02-26  stockout_partial         5     7  2 of 7 days out of stock"))
        #expect(r.stdout.contains("2024-03-11"))
    }

    @Test("data folder --format csv: one row per item-location and bucket with the documented columns")
    func dataFolderCSV() async throws {
        let folder = try Self.company()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try await CLIRunner().run(["forecast", folder.path, "--horizon", "4", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(
            lines.first == """
                item_id,location_id,bucket,bucket_start,statistical,adjustment,final,model,runner_up,fallback,pattern,abc_xyz,\
                sigma_one_step,lead_time_buckets,sigma_lead_time,protection_buckets,sigma_protection,corrections,flags
                """)
        #expect(lines.count == 1 + 2 * 4)
        let steady = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }.filter {
            $0[0] == "STEADY"
        }
        // as_of 2025-10-07 (the day after the last demand): the week of 2025-10-06 is incomplete, so
        // it is the first forecast bucket.
        #expect(steady.map { String($0[3]) } == ["2025-10-06", "2025-10-13", "2025-10-20", "2025-10-27"])
        // forecast_uplift 1.5 over the weeks of 10-13 and 10-20: final = 1.5 × statistical there.
        let statistical = steady.map { Double($0[4]) ?? .nan }
        let final = steady.map { Double($0[6]) ?? .nan }
        #expect(abs(final[1] - 1.5 * statistical[1]) < 1e-9 && abs(final[2] - 1.5 * statistical[2]) < 1e-9)
        #expect(final[0] == statistical[0] && final[3] == statistical[3])
    }

    @Test("data folder --format json: selection scores, corrections, adjustments and buckets per item-location")
    func dataFolderJSON() async throws {
        let folder = try Self.company()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try await CLIRunner().run(["forecast", folder.path, "--item", "STEADY", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try await json(r.stdout)
        #expect(out["horizon"].int == 12 && out["model"].string == "auto" && out["selection"]["metric"].string == "rmse")
        let steady = out["item_locations"][0]
        // The pattern is the classification's, on the recorded history: the 900 spike makes it erratic.
        #expect(steady["item_id"].string == "STEADY" && steady["pattern"].string == "erratic")
        #expect(steady["scores"].object.count >= 2 && steady["runner_up"].string != nil && steady["chosen"].string != nil)
        #expect(steady["corrections"].array.contains { $0["reason"].string == "outlier_capped" })
        #expect(steady["adjustments"][0]["parameter"].string == "forecast_uplift")
        #expect(steady["adjustments"][0]["status"].string == "applied")
        #expect(steady["buckets"].array.count == 12 && steady["buckets"][1]["adjustment"].double.map { $0 > 0 } == true)
        #expect(steady["sigma_one_step"].double != nil)
        #expect(abs((steady["lead_time_buckets"].double ?? 0) - 2) < 1e-9)
    }

    @Test("data folder errors: unknown item and location, bad model, a window that does not apply — exit 64 and the reason")
    func dataFolderErrors() async throws {
        let folder = Fixtures.url("import/valid").path
        let runner = try CLIRunner()
        for (arguments, message) in [
            (["--item", "NOPE"], "Error: --item 'NOPE': no such item in items.csv — check the item_id (ids are case-sensitive)"),
            (["--location", "MARS"], "Error: --location 'MARS': no such location"),
            (["--item", "P-2", "--location", "DC-1"], "item 'P-2' has no demand history at location 'DC-1'"),
            (["--model", "prophet"], "--model 'prophet' — expected auto or one of naive"),
            (["--model", "ses", "--window", "4"], "--window does not apply to ses"),
        ] {
            let r = try await runner.run(["forecast", folder] + arguments)
            #expect(r.status == 64, "\(arguments)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        let both = try await runner.run(["forecast", folder, "--series", "x.txt"])
        #expect(both.status == 64 && both.stderr.contains("not both"))
        let missing = try await runner.run(["forecast", "/nonexistent"])
        #expect(missing.status == 65)
    }

    /// A small data folder: STEADY (weekly demand around 100, one spike, sourced with 14 days lead
    /// time, a forecast_uplift of 1.5 for two weeks) and SPORADIC, 40 weeks to 2025-10-06.
    static func company() throws -> URL {
        let folder = try Fixtures.temporaryDirectory("forecast-data")
        try """
        item_id,unit_cost,category
        STEADY,10,bearings
        SPORADIC,4,seals
        """.write(to: folder.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        var demand = "date,item_id,location_id,quantity\n"
        let start = Day(year: 2025, month: 1, day: 6)!
        for week in 0..<40 {
            let day = start.adding(days: 7 * week)
            let steady = week == 20 ? 900 : 100 + (week % 3 == 0 ? 8 : -4)
            demand += "\(day),STEADY,L1,\(steady)\n"
            if week % 4 == 1 { demand += "\(day),SPORADIC,L1,\(10 + week % 3)\n" }
        }
        try demand.write(to: folder.appendingPathComponent("demand.csv"), atomically: true, encoding: .utf8)
        try """
        item_id,location_id,supplier_id,lead_time_days
        STEADY,L1,SUP,14
        """.write(to: folder.appendingPathComponent("sourcing.csv"), atomically: true, encoding: .utf8)
        try """
        supplier_id
        SUP
        """.write(to: folder.appendingPathComponent("suppliers.csv"), atomically: true, encoding: .utf8)
        try """
        item_id,location_id,parameter,value,reason,valid_from,valid_to
        STEADY,L1,forecast_uplift,1.5,trade fair,2025-10-13,2025-10-26
        """.write(to: folder.appendingPathComponent("overrides.csv"), atomically: true, encoding: .utf8)
        return folder
    }
}
