import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura excess` and `procura aging` on a demo company.
@Suite("procura excess and aging", .serialized)
struct ExcessCommandTests {
    @Test(
        "groups add up to the total; every listed line has excess, obsolete stock or a provision; aging's buckets add up to the value"
    )
    func demoCompany() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-excess-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        let json = try await cli.run(["excess", folder.path, "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try JSONValue.parse(json.stdout)
        let total = d["total"]
        for grouping in ["by_category", "by_location", "by_class"] {
            for key in ["gross_value", "provision_value", "excess_value"] {
                let sum = d[grouping].array.reduce(0.0) { $0 + ($1[key].double ?? .nan) }
                expectClose(sum, total[key].double ?? .nan, relative: 1e-9, "\(grouping) \(key)")
            }
        }
        let aged = total["aged_value_by_bucket"].array.reduce(0.0) { $0 + ($1.double ?? .nan) }
        expectClose(aged, total["gross_value"].double ?? .nan, relative: 1e-9, "age buckets = value")
        let lines = d["lines"].array
        for line in lines {
            let flagged =
                (line["excess_qty"].double ?? 0) > 0 || line["obsolete"] == .bool(true)
                || (line["provision_value"].double ?? 0) > 0
            #expect(flagged, "\(line["item_id"])")
        }
        let csv = try await cli.run(["excess", folder.path, "--format", "csv", "--quiet"])
        #expect(csv.stdout.split(separator: "\n").count == lines.count + 1)
        let aging = try await cli.run(["aging", folder.path, "--by", "class", "--quiet"])
        #expect(aging.status == 0)
        #expect(aging.stdout.contains("0–180 days") && aging.stdout.contains("731+ days"))
        let table = try await cli.run(["excess", folder.path, "--quiet"])
        #expect(table.stdout.hasPrefix("Excess and obsolescence as of "))
    }

    @Test("excess.include_on_order on the demo company: more excess on hand, on-order excess beside it, and the csv columns")
    func onOrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-excess-oo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        let off = try JSONValue.parse(try await cli.run(["excess", folder.path, "--format", "json", "--quiet"]).stdout)
        #expect(off["include_on_order"] == .bool(false) && off["total"]["on_order_qty"].double == 0)
        let settings = folder.appendingPathComponent("settings.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "\nexcess:\n  include_on_order: true\n").write(to: settings, atomically: true, encoding: .utf8)
        let run = try await cli.run(["excess", folder.path, "--format", "json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let on = try JSONValue.parse(run.stdout)
        let total = on["total"]
        #expect(on["include_on_order"] == .bool(true) && (total["on_order_qty"].double ?? 0) > 0, "the demo has open orders")
        #expect((total["excess_qty"].double ?? 0) >= (off["total"]["excess_qty"].double ?? .infinity))
        for key in ["on_order_qty", "on_order_excess_qty", "on_order_excess_value"] {
            let sum = on["by_location"].array.reduce(0.0) { $0 + ($1[key].double ?? .nan) }
            expectClose(sum, total[key].double ?? .nan, relative: 1e-9, "by location \(key)")
        }
        let csv = try await cli.run(["excess", folder.path, "--format", "csv", "--quiet"])
        #expect(
            csv.stdout.hasPrefix(
                "item_id,location_id,category,class,on_hand_qty,gross_value,oldest_age_days,coverage_months,forecast_over_coverage,excess_qty,excess_value,obsolete,provision_value,net_value,on_order_qty,on_order_excess_qty,on_order_excess_value\n"
            ))
        let table = try await cli.run(["excess", folder.path, "--quiet"])
        #expect(table.stdout.contains("Stock on order counted (excess.include_on_order): "))
    }
}
