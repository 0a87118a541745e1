import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura preposition` on a demo company.
@Suite("procura preposition", .serialized)
struct PrepositionCommandTests {
    @Test(
        "a DE-North closure: the json keys, every move's cost and service from its figures, the csv header, the table; a bad spec and bad flags are refused"
    )
    func preposition() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-prepos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60"]).status == 0)
        let spec = folder.appendingPathComponent("north.yaml").path
        try """
        name: DE-North closure for 6 weeks
        shocks:
          - kind: closure
            region: DE-North
            from: start+0
            to: start+41
        """.write(toFile: spec, atomically: true, encoding: .utf8)
        let result = try await cli.run(["preposition", folder.path, "--spec", spec, "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let d = try JSONValue.parse(result.stdout)
        #expect(
            d.object.keys.sorted() == [
                "cost_per_move", "currency", "from", "hold_already", "item_locations", "measure", "moves", "needs",
                "not_measured",
                "off_target_without", "period", "periods", "regions", "replications", "scenario", "seed", "shocks", "threatened",
                "to", "tolerance", "totals", "transfer_cost_rate",
            ])
        #expect(d["scenario"].string == "DE-North closure for 6 weeks" && d["cost_per_move"].double == 150)
        let tolerance = d["tolerance"].double ?? .nan
        let moves = d["moves"].array
        for m in moves {
            let value = m["value_moved"].double ?? .nan
            #expect(abs((m["transfer_cost"].double ?? .nan) - (150 + 0.02 * value)) < 1e-6, "\(m)")
            #expect(m["to_location_id"].string == "PLT-HAM" && m["from_location_id"].string != "PLT-HAM")
            #expect((m["donor_after"].double ?? .nan) >= (m["donor_target"].double ?? .nan) - tolerance, "\(m)")
            #expect((m["receiver_with"].double ?? .nan) >= (m["receiver_without"].double ?? .nan), "\(m)")
        }
        let units = moves.reduce(0.0) { $0 + ($1["units"].double ?? .nan) }
        #expect(abs((d["totals"]["units"].double ?? .nan) - units) < 1e-6)
        #expect(d["totals"]["moves"].int == moves.count)
        for need in d["needs"].array { #expect(need["location_id"].string == "PLT-HAM" && need["region"].string == "DE-North") }

        let csv = try await cli.run(["preposition", folder.path, "--spec", spec, "--format", "csv", "--quiet"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == moves.count + 1)
        #expect(
            csv.stdout.hasPrefix(
                "item_id,from_location_id,to_location_id,region,units,value_moved,transfer_cost,receiver_target,receiver_without,receiver_with,demand_served_protected,donor_target,donor_before,donor_after\n"
            ))
        let table = try await cli.run(["preposition", folder.path, "--spec", spec, "--quiet"])
        #expect(table.stdout.hasPrefix("Pre-positioning ahead of: DE-North closure for 6 weeks"), "\(table.stdout)")
        #expect(table.stdout.contains("\nPer region (of the receiving location)\n"))

        let bad = folder.appendingPathComponent("bad.yaml").path
        try "name: Bad\nshocks:\n  - kind: closure\n    region: Atlantis\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try await cli.run(["preposition", folder.path, "--spec", bad, "--quiet"])
        #expect(
            refused.status == 64 && refused.stderr.contains("\(bad): the scenario spec is not valid — line 4"),
            "\(refused.stderr)")
        let zero = try await cli.run(["preposition", folder.path, "--spec", spec, "--replications", "0", "--quiet"])
        #expect(zero.status == 64 && zero.stderr.contains("--replications 0 — expected a whole number from 1 to 1000"))
        let missing = try await cli.run(["preposition", folder.path])
        #expect(missing.status == 64 && missing.stderr.contains("--spec"), "\(missing.stderr)")
    }
}
