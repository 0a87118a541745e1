import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura risk --check-buffers` and `procura scenario` with drawn lead times on a demo company.
@Suite("procura risk --check-buffers; procura scenario with lead_times: sampled", .serialized)
struct RiskBufferCheckCommandTests {
    @Test(
        "the buffers checked are the exposure's recommended ones; each verdict follows from its figures; csv header; the flags that do not go together are refused"
    )
    func checkBuffers() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-buffers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        let risk = try JSONValue.parse(try await cli.run(["risk", folder.path, "--format", "json", "--quiet"]).stdout)
        let recommended = risk["lines"].array.filter { $0["exposed"] == .bool(true) && $0["recommendation"].string == "buffer" }
        let result = try await cli.run(["risk", folder.path, "--check-buffers", "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let check = try JSONValue.parse(result.stdout)
        let lines = check["lines"].array
        #expect(lines.count + (check["not_replayed"].int ?? -1) == recommended.count)
        #expect(check["scenario"].string == "Every source of a buffered item-location stops for 56 days")
        let tolerance = check["tolerance"].double ?? .nan
        for line in lines {
            let target = line["target"].double ?? .nan
            let now = line["current_achieved"].double ?? .nan
            let with = line["buffered_achieved"].double ?? .nan
            switch line["verdict"].string {
            case "holds_already": #expect(now >= target - tolerance)
            case "buffer_holds": #expect(now < target - tolerance && with >= target - tolerance)
            case "buffer_short": #expect(now < target - tolerance && !(with >= target - tolerance))
            case "not_measured": #expect(now.isNaN)
            default: Issue.record("unexpected verdict \(line)")
            }
        }
        let counts = ["holds_already", "buffer_holds", "buffer_short"].map { v in lines.filter { $0["verdict"].string == v }.count
        }
        #expect(counts == [check["holds_already"].int, check["buffer_holds"].int, check["buffer_short"].int].map { $0 ?? -1 })

        let csv = try await cli.run(["risk", folder.path, "--check-buffers", "--format", "csv", "--quiet"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == lines.count + 1)
        #expect(
            csv.stdout.hasPrefix(
                "item_id,location_id,class,parameters,extra_buffer,target,baseline_achieved,current_achieved,buffered_achieved,verdict\n"
            ))
        let table = try await cli.run(["risk", folder.path, "--check-buffers", "--quiet"])
        #expect(
            table.stdout.hasPrefix("Do the recommended buffers hold? Every source of a buffered item-location stops for 56 days"))

        let alone = try await cli.run(["risk", folder.path, "--replications", "3"])
        #expect(
            alone.status == 64 && alone.stderr.contains("--replications and --seed go with --check-buffers"), "\(alone.stderr)")
        let both = try await cli.run(["risk", folder.path, "--check-buffers", "--exposed"])
        #expect(both.status == 64 && both.stderr.contains("--exposed and --check-buffers are two different reports"))
        let zero = try await cli.run(["risk", folder.path, "--check-buffers", "--replications", "0", "--quiet"])
        #expect(zero.status != 0 && zero.stderr.contains("replications must be a whole number from 1 to 1000, got 0"))
    }

    @Test("lead_times: sampled is said in the table and the json; a bad value is refused with its line (exit 64)")
    func sampledLeadTimes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-sampled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        let spec = folder.appendingPathComponent("drawn.yaml").path
        try "name: Drawn\nlead_times: sampled\nreplications: 3\nshocks:\n  - kind: demand\n    factor: 1.2\n".write(
            toFile: spec, atomically: true, encoding: .utf8)
        let table = try await cli.run(["scenario", folder.path, "--spec", spec, "--quiet"])
        #expect(table.status == 0 && table.stdout.contains("lead times drawn order by order"), "\(table.stderr)")
        let json = try JSONValue.parse(
            try await cli.run(["scenario", folder.path, "--spec", spec, "--format", "json", "--quiet"]).stdout)
        #expect(json["lead_times"].string == "sampled")
        let bad = folder.appendingPathComponent("bad.yaml").path
        try "name: Drawn\nlead_times: often\nshocks:\n  - kind: demand\n    factor: 1.2\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let refused = try await cli.run(["scenario", folder.path, "--spec", bad, "--quiet"])
        #expect(refused.status == 64 && refused.stderr.contains("line 2, lead_times: expected mean or sampled, got 'often'"))
    }
}
