import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura provisions run|approve|export|list` and the aging columns on a demo company.
@Suite("procura provisions", .serialized)
struct ProvisionsCommandTests {
    @Test("run, approve by finance (not the runner), export: Σ item provisions = run total = export total, to the cent")
    func monthlyRun() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-prov-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("prov.sqlite").path
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("pia", "planner"), ("fin", "finance"), ("bo", "buyer")] {
            #expect(try await cli.run(["user", "add", user, "--role", role, "--database", database]).status == 0)
        }

        let badMonth = try await cli.run(["provisions", "run", "--month", "2026-13", "--as", "pia", "--database", database])
        #expect(badMonth.status == 64 && badMonth.stderr.contains("month '2026-13' is not a month YYYY-MM"), "\(badMonth.stderr)")
        let buyer = try await cli.run([
            "provisions", "run", "--month", "2026-11", "--as", "bo", "--database", database, "--quiet",
        ])
        #expect(buyer.status == 1)
        #expect(
            buyer.stderr
                == "Error: bo (buyer) may not run a provision run — finance, planner or admin may\nnothing was changed\n")
        let ran = try await cli.run([
            "provisions", "run", "--month", "2026-11", "--as", "pia", "--database", database, "--format", "json", "--quiet",
        ])
        #expect(ran.status == 0, "\(ran.stderr)")
        let run = try JSONValue.parse(ran.stdout)
        let lines = run["lines"].array
        #expect(!lines.isEmpty, "the demo company has stock to write down")
        func cents(_ v: JSONValue) -> Int { Int(((v.double ?? .nan) * 100).rounded()) }
        let sum = lines.reduce(0) { $0 + cents($1["amount"]) }
        #expect(sum == cents(run["total"]), "Σ item provisions = run total")

        let draftExport = try await cli.run(["provisions", "export", "PR-2026-11", "--database", database])
        #expect(draftExport.status == 1 && draftExport.stderr.contains("is a draft"))
        let own = try await cli.run(["provisions", "approve", "PR-2026-11", "--as", "pia", "--database", database])
        #expect(own.status == 1)
        #expect(
            own.stderr
                == "Error: pia (planner) may not approve provision run PR-2026-11 — only finance may\nnothing was changed\n")
        let approved = try await cli.run(["provisions", "approve", "PR-2026-11", "--as", "fin", "--database", database])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.hasPrefix("PR-2026-11 approved by fin: \(lines.count) item-locations, provision "))

        let csv = try await cli.run(["provisions", "export", "PR-2026-11", "--database", database])
        let rows = csv.stdout.split(separator: "\n")
        #expect(
            rows.first
                == "month,run_id,account,currency,item_id,location_id,category,class,basis,amount,previous_amount,change")
        #expect(rows.count == 1 + lines.count)
        let amount = try #require(rows.first?.split(separator: ",").firstIndex(of: "amount"))
        let exported = rows.dropFirst().reduce(0) { total, row in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            return total + Int(((Double(String(fields[amount])) ?? .nan) * 100).rounded())
        }
        #expect(exported == sum, "export total = run total")
        let listed = try await cli.run(["provisions", "list", "--database", database, "--format", "json"])
        let listedRuns = try JSONValue.parse(listed.stdout).array
        #expect(listedRuns.count == 1 && listedRuns.first?["state"].string == "approved", "\(listed.stdout)")

        let again = try await cli.run([
            "provisions", "run", "--month", "2026-11", "--as", "pia", "--database", database, "--quiet",
        ])
        #expect(again.status == 1 && again.stderr.contains("is final"), "\(again.stderr)")
        #expect(
            try await cli.run(["provisions", "export", "PR-2026-11", "--format", "table", "--database", database]).status == 64)
        let unknown = try await cli.run(["provisions", "export", "PR-1999-01", "--database", database])
        #expect(unknown.status == 1 && unknown.stderr.contains("no provision run 'PR-1999-01'"))

        let aging = try await cli.run(["aging", demo, "--format", "csv", "--quiet"])
        #expect(aging.status == 0)
        #expect(
            aging.stdout.hasPrefix(
                "category,item_locations,gross_value,0–180 days,181–365 days,366–730 days,731+ days,no_movement_item_locations,no_movement_value\n"
            ), "\(aging.stdout.prefix(200))")
    }
}
