import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("procura accuracy")
struct AccuracyCommandTests {
    func json(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    @Test("the table: segments, the total and the items driving the error")
    func table() async throws {
        let folder = try ForecastCommandTests.company()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try await CLIRunner().run(["accuracy", folder.path, "--holdout", "8", "--by", "category"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.hasPrefix(
                "Forecast accuracy: auto, 8 weeks held out (2025-08-11 … 2025-09-29), rolling origin, one week ahead; 2 item-locations\n"
            ))
        #expect(r.stdout.contains("MAPE over non-zero actuals only"))
        for line in ["bearings", "seals", "all"] {
            #expect(r.stdout.split(separator: "\n").contains { $0.hasPrefix(line + " ") }, "\(line)")
        }
        #expect(r.stdout.contains("Items driving the error"))
    }

    @Test("csv: one row per item-location with every metric; json: segments, total and items")
    func formats() async throws {
        let folder = try ForecastCommandTests.company()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = try CLIRunner()
        let csv = try await runner.run(["accuracy", folder.path, "--holdout", "8", "--format", "csv", "--mode", "fixed"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for column in [
            "mae", "rmse", "mape", "smape", "wape", "mase", "mean_error", "bias_percent", "tracking_signal", "tracking_alert",
        ] {
            #expect(lines[0].split(separator: ",").contains(Substring(column)), "\(column)")
        }
        let out = try await runner.run(["accuracy", folder.path, "--holdout", "8", "--format", "json", "--by", "class"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try await json(out.stdout)
        #expect(report["mode"].string == "rolling" && report["holdout"].int == 8 && report["by"].string == "class")
        #expect(report["total"]["item_locations"].int == 2 && report["total"]["wape"].double != nil)
        #expect(report["total"]["drivers"].array.count == 2)
        #expect(report["item_locations"].array.count == 2)
        #expect(report["item_locations"][0]["actual"].array.count == 8)
    }

    @Test("auto against a plain moving average on the same holdout: --model moving-average uses the settings' window")
    func movingAverage() async throws {
        let folder = try ForecastCommandTests.company()
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try await CLIRunner().run([
            "accuracy", folder.path, "--holdout", "8", "--model", "moving-average", "--format", "json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try await json(r.stdout)
        #expect(report["model"].string == "moving-average")
        #expect(report["item_locations"].array.allSatisfy { $0["model"].string == "moving-average" })
    }

    @Test("errors: a holdout not shorter than the history, an unknown item, a bad --by — each with its reason")
    func errors() async throws {
        let runner = try CLIRunner()
        let folder = Fixtures.url("import/valid").path
        let long = try await runner.run(["accuracy", folder, "--holdout", "8"])
        #expect(long.status == 64)
        #expect(
            long.stderr.contains(
                "Error: --holdout 8 is not shorter than the history: 8 complete weeks (2024-01-08 … 2024-02-26) — use at most 7"),
            "\(long.stderr)")
        let unknown = try await runner.run(["accuracy", folder, "--holdout", "2", "--item", "NOPE"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--item 'NOPE': no such item"))
        let by = try await runner.run(["accuracy", folder, "--by", "colour"])
        #expect(by.status == 64 && by.stderr.contains("colour"))
        let zero = try await runner.run(["accuracy", folder, "--holdout", "0"])
        #expect(zero.status == 64 && zero.stderr.contains("--holdout 0"))
    }
}
