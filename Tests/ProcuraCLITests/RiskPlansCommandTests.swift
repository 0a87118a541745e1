import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura risk plans` and `procura risk plan set|delete` (docs/risk.md, "Redundancy plans"),
/// beside `procura risk DATA`, which keeps its behaviour.
@Suite("procura risk plans", .serialized)
struct RiskPlansCommandTests {
    @Test("a planner sets a plan (bad dates exit 64, a buyer is refused), lists it with its alerts, deletes it")
    func setListDelete() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-plans-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        let demo = folder.appendingPathComponent("demo").path
        let database = "sqlite:" + folder.appendingPathComponent("p.sqlite").path
        func run(_ arguments: [String]) async throws -> CLIRunner.Result {
            try await cli.run(arguments + ["--database", database])
        }
        #expect(try await cli.run(["demo-data", "--out", demo, "--items", "60", "--locations", "2"]).status == 0)
        #expect(try await cli.run(["import", demo, "--database", database, "--quiet"]).status == 0)
        for (user, role) in [("pia", "planner"), ("bo", "buyer")] {
            #expect(try await run(["user", "add", user, "--role", role]).status == 0)
        }
        // The network report on the demo: every item at both locations, totals add up.
        let network = try await cli.run(["network", demo, "--quiet", "--format", "json"])
        #expect(network.status == 0, "\(network.stderr)")
        let report = try JSONValue.parse(network.stdout)
        #expect(report["locations"].array.count == 2 && report["period"].string == "week")
        #expect(report["total"]["items"].int == report["lines"].array.count && !report["lines"].array.isEmpty)
        #expect(report["lines"].array.allSatisfy { $0["sites"].array.count == 2 })
        let networkCSV = try await cli.run(["network", demo, "--quiet", "--format", "csv"])
        #expect(networkCSV.stdout.hasPrefix("item_id,category,locations,central_location_id,service_level,overlap_periods,"))
        let networkTable = try await cli.run(["network", demo, "--quiet"])
        #expect(networkTable.stdout.hasPrefix("Network as of "), "\(networkTable.stdout.prefix(200))")
        // `procura risk DATA` still reads a folder.
        let folderRun = try await cli.run(["risk", demo, "--quiet", "--format", "json"])
        #expect(folderRun.status == 0, "\(folderRun.stderr)")

        let items = Self.csv(try String(contentsOfFile: demo + "/items.csv", encoding: .utf8))
        let header = try #require(items.first)
        let idColumn = try #require(header.firstIndex(of: "item_id"))
        let criticalityColumn = try #require(header.firstIndex(of: "criticality"))
        let item = try #require(items.dropFirst().first { $0.count > criticalityColumn && $0[criticalityColumn] == "V" })[
            idColumn]
        let locations = try String(contentsOfFile: demo + "/locations.csv", encoding: .utf8).split(separator: "\n")
        let location = String(try #require(locations.dropFirst().first).split(separator: ",")[0])

        let badDate = try await run([
            "risk", "plan", "set", item, location, "--owner", "pia", "--review", "31.12.2099", "--as", "pia",
        ])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--review: expected a date YYYY-MM-DD, got '31.12.2099'"), "\(badDate.stderr)")
        let buyer = try await run([
            "risk", "plan", "set", item, location, "--owner", "pia", "--review", "2099-12-31", "--as", "bo",
        ])
        #expect(buyer.status == 1)
        #expect(
            buyer.stderr
                == "Error: bo (role buyer) may not change redundancy plans — planners and admins may\nnothing was changed\n")
        let noOwner = try await run([
            "risk", "plan", "set", item, location, "--owner", "nobody", "--review", "2099-12-31", "--as", "pia",
        ])
        #expect(noOwner.status == 1)
        #expect(noOwner.stderr == "Error: owner: 'nobody' is not a user — expected the user name of an active user\n")

        let set = try await run([
            "risk", "plan", "set", item, location, "--owner", "pia", "--review", "2099-12-31", "--buffer", "40",
            "--qualifying-until", "2099-06-30", "--notes", "audit booked", "--as", "pia",
        ])
        #expect(set.status == 0, "\(set.stderr)")
        #expect(
            set.stdout == "created the redundancy plan for \(item) at \(location) (version 1): owner pia, review 2099-12-31\n")

        let listed = try await run(["risk", "plans", "--quiet", "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let document = try JSONValue.parse(listed.stdout)
        let line = document["lines"].array.first { $0["item_id"].string == item && $0["location_id"].string == location }
        #expect(line?["has_plan"] == .bool(true) && line?["owner"].string == "pia" && line?["agreed_buffer"].double == 40)
        #expect(line?["notes"].string == "audit booked" && line?["version"].int == 1 && line?["alerts"].array == [])
        #expect(document["with_plan"].int == (line?["on_risk_list"] == .bool(true) ? 1 : 0))
        let csv = try await run(["risk", "plans", "--quiet", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("item_id,location_id,category,on_risk_list,supply_risk,suppliers,exposed,value_at_risk,"))
        let table = try await run(["risk", "plans", "--quiet"])
        #expect(table.stdout.hasPrefix("Redundancy plans as of "), "\(table.stdout.prefix(200))")

        let deleted = try await run(["risk", "plan", "delete", item, location, "--as", "pia"])
        #expect(deleted.stdout == "deleted the redundancy plan for \(item) at \(location) (version 1)\n")
        let again = try await run(["risk", "plan", "delete", item, location, "--as", "pia"])
        #expect(again.status == 1)
        #expect(
            again.stderr == "Error: there is no redundancy plan for \(item) at \(location) — list them with procura risk plans\n")
    }

    /// Rows of a CSV text (quoted fields with commas and doubled quotes).
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var previous: Character = " "
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false } else { field.append(ch) }
            } else if ch == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if ch == "," {
                row.append(field)
                field = ""
            } else if ch == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if ch != "\r" {
                field.append(ch)
            }
            previous = ch
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
