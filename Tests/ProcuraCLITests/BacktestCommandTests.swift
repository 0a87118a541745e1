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

/// `procura backtest`'s replay choices and the trace of one item-location.
@Suite("procura backtest --policies, --unmet-demand, --lead-times, --item", .serialized)
struct BacktestChoicesCommandTests {
    @Test(
        "the plan's own policies.csv replayed with --policies gives the plan's back-test line for line; --item traces one; bad options and files exit 64 and 65 naming them"
    )
    func policiesFileAndTrace() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-backtest-\(UUID().uuidString)")
        let out = folder.appendingPathComponent("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let data = folder.appendingPathComponent("data").path
        #expect(try await cli.run(["demo-data", "--out", data, "--items", "30", "--locations", "1"]).status == 0)
        #expect(try await cli.run(["plan", data, "--out", out.path, "--quiet"]).status == 0)
        let policies = out.appendingPathComponent("policies.csv").path
        let plan = try JSONValue.parse(try await cli.run(["backtest", data, "--format", "json", "--quiet"]).stdout)
        let replay = try await cli.run(["backtest", data, "--policies", policies, "--format", "json", "--quiet"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let file = try JSONValue.parse(replay.stdout)
        #expect(plan["policies"].string == "plan" && file["policies"].string == "file")
        #expect(plan["lead_times"].string == "per_order" && plan["unmet_demand"].string == "backorder")
        let planLines = plan["lines"].array
        let fileLines = file["lines"].array
        #expect(!planLines.isEmpty && planLines.count == fileLines.count)
        for (a, b) in zip(planLines, fileLines) {
            #expect(
                a["item_id"] == b["item_id"] && a["parameters"] == b["parameters"],
                "\(a["item_id"]): \(a["parameters"]) vs \(b["parameters"])")
            #expect(a["simulated_average_on_hand"] == b["simulated_average_on_hand"])
        }

        // One item-location period by period: its line, 52 weeks.
        let first = planLines[0]
        let trace = try await cli.run([
            "backtest", data, "--item", first["item_id"].string ?? "", "--location", first["location_id"].string ?? "",
            "--format", "json", "--quiet",
        ])
        #expect(trace.status == 0, "\(trace.stderr)")
        let t = try JSONValue.parse(trace.stdout)
        #expect(t["periods"].array.count == 52)
        #expect(t["line"]["simulated_average_on_hand"] == first["simulated_average_on_hand"])
        let csv = try await cli.run([
            "backtest", data, "--item", first["item_id"].string ?? "", "--location", first["location_id"].string ?? "",
            "--format", "csv", "--quiet",
        ])
        #expect(
            csv.stdout.hasPrefix(
                "start,end,demand,received,served,short,ordered,order_lead_time,simulated_on_hand,backorders,recorded_on_hand\n"))

        let lost = try await cli.run([
            "backtest", data, "--unmet-demand", "lost_sales", "--lead-times", "mean", "--format", "json", "--quiet",
        ])
        #expect(lost.status == 0)
        let l = try JSONValue.parse(lost.stdout)
        #expect(l["unmet_demand"].string == "lost_sales" && l["lead_times"].string == "mean")

        let badFlag = try await cli.run(["backtest", data, "--unmet-demand", "later"])
        #expect(badFlag.status == 64 && badFlag.stderr.contains("--unmet-demand 'later' — expected backorder or lost_sales"))
        let alone = try await cli.run(["backtest", data, "--item", "X"])
        #expect(alone.status == 64 && alone.stderr.contains("--item and --location go together"))
        let unknown = try await cli.run(["backtest", data, "--item", "NOPE", "--location", "X", "--quiet"])
        #expect(unknown.status == 64 && unknown.stderr.contains("item 'NOPE' is not in the data"), "\(unknown.stderr)")
        let broken = folder.appendingPathComponent("broken.csv")
        try "item_id,location_id,policy_type,reorder_point,order_quantity\nNOPE,X,\"(s,Q)\",1,2\n".write(
            to: broken, atomically: true, encoding: .utf8)
        let refused = try await cli.run(["backtest", data, "--policies", broken.path, "--quiet"])
        #expect(
            refused.status == 65 && refused.stderr.contains("\(broken.path):2: item 'NOPE' is not in the data"),
            "\(refused.stderr)")
        try "item_id,location_id,policy_type\nA,B,(s\n".write(to: broken, atomically: true, encoding: .utf8)
        let bad = try await cli.run(["backtest", data, "--policies", broken.path, "--quiet"])
        #expect(bad.status == 65, "\(bad.stderr)")
    }
}
