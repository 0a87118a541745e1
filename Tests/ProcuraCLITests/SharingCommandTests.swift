import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura sharing …` on a 20-item demo database: a bad profile exits 64 naming the field; a
/// planner sets a profile and publishes; the supplier's user downloads the CSV (logged) and enters
/// commitments; the planner sees the view log.
@Suite("procura sharing", .serialized)
struct SharingCommandTests {
    @Test("profile set (bad field: exit 64), publish, a supplier user's CSV download is logged, commitments compared")
    func profilePublishViewCommit() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-sharing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("s.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "20", "--locations", "1"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        #expect(try await cli.run(["plan", "--database", database, "--quiet"]).status == 0)
        let sourcing = try String(contentsOfFile: demo + "/sourcing.csv", encoding: .utf8).split(separator: "\n")
        let header = sourcing[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = try #require(header.firstIndex(of: "supplier_id"))
        let supplier = String(sourcing[1].split(separator: ",", omittingEmptySubsequences: false)[column])
        #expect(try await run(["user", "add", "pia", "--role", "planner"]).status == 0)
        #expect(try await run(["user", "add", "acme", "--role", "supplier", "--supplier", supplier]).status == 0)

        let profile = [
            "sharing", "profile", "set", supplier, "--horizon-weeks", "8", "--bucket", "month", "--aggregation", "family",
            "--locations", "merged", "--quantities", "committed", "--as", "pia",
        ]
        var bad = profile
        bad[bad.firstIndex(of: "month")!] = "fortnight"
        let refused = try await run(bad)
        #expect(refused.status == 64 && refused.stderr == "Error: bucket 'fortnight' — expected week or month\n")
        let set = try await run(profile)
        #expect(set.status == 0, "\(set.stderr)")
        #expect(
            set.stdout
                == "sharing profile of \(supplier) set (version 1): 8 weeks by month, per family, locations merged, every item supplied, committed\n"
        )
        #expect(try await run(["sharing", "publish", supplier, "--as", "acme"]).status == 1)
        let published = try await run(["sharing", "publish", supplier, "--as", "pia"])
        #expect(published.status == 0 && published.stdout.hasPrefix("published version 1 to \(supplier) from plan run 1: "))

        let csv = try await run(["sharing", "versions", supplier, "--show", "1", "--format", "csv", "--as", "acme"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("line,family,period_start,period_days,quantity\n1,"), "\(csv.stdout)")
        let firstLine = csv.stdout.split(separator: "\n")[1].split(separator: ",").map(String.init)
        let shared = try #require(Double(firstLine[4]))
        let commitments = folder.appendingPathComponent("commit.csv").path
        try "line,quantity,comment\n1,\(JSONValue.text(of: shared + 5)),extra\n".write(
            toFile: commitments, atomically: true, encoding: .utf8)
        let committed = try await run([
            "sharing", "commitments", supplier, "1", "--file", commitments, "--as", "acme", "--format", "json",
        ])
        #expect(committed.status == 0, "\(committed.stderr)")
        let row = try JSONValue.parse(committed.stdout)["comparison"]["rows"][0]
        #expect(abs((row["gap"].double ?? 0) - 5) < 1e-9 && row["comment"].string == "extra")
        #expect(try await run(["sharing", "commitments", supplier, "1", "--file", commitments, "--as", "pia"]).status == 1)

        let views = try await run(["sharing", "views", "--as", "pia", "--format", "csv"])
        let logged = views.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(logged.count == 1 && logged.first?.suffix(3) == ["1", "acme", "cli-csv"], "\(views.stdout)")
    }
}
