import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura network echelons` (docs/risk.md, "Multi-echelon buffers") on a demo company, beside
/// `procura network DATA`, which stays the pooling report.
@Suite("procura network echelons", .serialized)
struct NetworkEchelonsCommandTests {
    @Test(
        "demo: cross-docked items form hub trees; NRT = SI + T − S; sums and totals add up; the transfer floor; csv, table, default subcommand; a bad setting is refused"
    )
    func demoCompany() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-echelons-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "3"]).status == 0)
        let json = try await cli.run(["network", "echelons", folder.path, "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try JSONValue.parse(json.stdout)
        #expect(d["transfer_lead_time_days"].double == 1 && d["period"].string == "week")
        let lines = d["lines"].array
        #expect(!lines.isEmpty && lines.count == d["total"]["items"].int)
        #expect(lines.count + d["skipped"].array.count <= d["items_with_lanes"].int ?? 0)
        var transferSites = 0
        for line in lines {
            let sites = line["sites"].array
            #expect(sites.count >= 2 && sites[0]["location_id"] == line["hub_location_id"], "\(line["item_id"])")
            #expect(sites[0]["replenishment"].string == "source" && sites[0]["upstream_location_id"] == .null)
            for site in sites {
                let nrt = site["net_replenishment_time"].int ?? -1
                let si = site["inbound_service_time"].int ?? -1
                let t = site["processing_periods"].int ?? -1
                #expect(nrt == si + t - (site["committed_service_time"].int ?? -1) && nrt >= 0, "\(line["item_id"])")
                guard site["replenishment"].string == "transfer" else { continue }
                transferSites += 1
                let observed = site["transfer_days_observed"].isNull ? 0 : site["transfer_days_observed"].double ?? .nan
                #expect(site["transfer_days"].double == max(observed, 1), "\(line["item_id"])")
            }
            expectClose(
                sites.reduce(0.0) { $0 + ($1["safety_stock_echelon"].double ?? .nan) },
                line["safety_stock_echelon"].double ?? .nan, relative: 1e-9, absolute: 1e-9)
            expectClose(
                (line["safety_stock_single_stage"].double ?? .nan) - (line["safety_stock_echelon"].double ?? .nan),
                line["saving_units"].double ?? .nan, relative: 1e-9, absolute: 1e-9)
        }
        #expect(transferSites > 0)
        // The serial model: every line either compared (a chain) or with the reason.
        let chains = lines.filter { $0["safety_stock_ssm"] != .null }
        #expect(chains.count == d["total"]["ssm_items"].int && !chains.isEmpty)
        #expect(lines.allSatisfy { ($0["safety_stock_ssm"] == .null) != ($0["ssm_note"] == .null) })
        let savings = lines.map { $0["saving_value"].double ?? .nan }
        #expect(savings == savings.sorted(by: >))
        let byCategory = d["by_category"].array.reduce(0.0) { $0 + ($1["saving_value"].double ?? .nan) }
        expectClose(byCategory, d["total"]["saving_value"].double ?? .nan, relative: 1e-9, absolute: 1e-6)

        let csv = try await cli.run(["network", "echelons", folder.path, "--format", "csv", "--quiet"])
        #expect(csv.status == 0)
        #expect(
            csv.stdout.hasPrefix(
                "item_id,category,hub_location_id,location_id,upstream_location_id,replenishment,transfer_days_observed,transfer_days,processing_periods,"
            ))
        let rows = lines.reduce(0) { $0 + $1["sites"].array.count }
        #expect(csv.stdout.split(separator: "\n").count == rows + 1)
        #expect(
            csv.stdout.split(separator: "\n").first?.hasSuffix(
                ",ssm_echelon_base_stock,ssm_local_base_stock,ssm_safety_stock,ssm_note") == true)
        let table = try await cli.run(["network", "echelons", folder.path, "--quiet"])
        #expect(table.stdout.hasPrefix("Multi-echelon buffers as of ") && table.stdout.contains("Largest savings"))
        #expect(table.stdout.contains("serial chains the stochastic-service model holds"))
        // `procura network DATA` is still the pooling report.
        let pooling = try await cli.run(["network", folder.path, "--quiet"])
        #expect(pooling.status == 0 && pooling.stdout.hasPrefix("Network as of "), "\(pooling.stderr)")

        // A longer floor: every lane takes at least 3 days.
        let settings = folder.appendingPathComponent("settings.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "\nnetwork:\n  transfer_lead_time_days: 3\n").write(to: settings, atomically: true, encoding: .utf8)
        let floored = try JSONValue.parse(
            try await cli.run(["network", "echelons", folder.path, "--format", "json", "--quiet"]).stdout)
        #expect(floored["transfer_lead_time_days"].double == 3)
        for line in floored["lines"].array {
            for site in line["sites"].array where site["replenishment"].string == "transfer" {
                let observed = site["transfer_days_observed"].isNull ? 0 : site["transfer_days_observed"].double ?? .nan
                #expect(site["transfer_days"].double == max(observed, 3))
            }
        }
        try (text + "\nnetwork:\n  transfer_lead_time_days: -1\n").write(to: settings, atomically: true, encoding: .utf8)
        let refused = try await cli.run(["network", "echelons", folder.path, "--quiet"])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(
            refused.stderr.contains("network.transfer_lead_time_days — expected a number of days from 0 to 365, got -1"),
            "\(refused.stderr)")
    }
}
