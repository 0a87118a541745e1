import Foundation
import InventoryCore
import ProcuraTestSupport
import Testing

/// `procura risk` on a demo company.
@Suite("procura risk", .serialized)
struct RiskCommandTests {
    @Test(
        "every line one source or long lead; survive/recover/shortfall/buffer recomputed from the line; groups add up; --exposed; a bad risk setting is refused"
    )
    func demoCompany() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-risk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "60", "--locations", "2"]).status == 0)
        let json = try await cli.run(["risk", folder.path, "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try JSONValue.parse(json.stdout)
        #expect(d["recovery_days"].int == 56 && d["qualification_days"].int == 120 && d["long_lead_days"].int == 60)
        let lines = d["lines"].array
        #expect(!lines.isEmpty && lines.count == d["total"]["item_locations"].int)
        #expect(lines.count <= d["planned_item_locations"].int ?? 0)
        var exposed = 0
        for line in lines {
            let single = line["single_source"] == .bool(true)
            let lead = line["lead_time_days"].double ?? .nan
            #expect(single || lead >= 60, "\(line["item_id"])")
            let recover = single ? 56 + lead : lead
            expectClose(line["time_to_recover_days"].double ?? .nan, recover, relative: 1e-12)
            let mu = line["daily_demand"].double ?? .nan
            let inventory = line["average_inventory"].double ?? .nan
            guard mu > 0 else { continue }
            let survive = inventory / mu
            expectClose(line["time_to_survive_days"].double ?? .nan, survive, relative: 1e-12)
            expectClose(line["shortfall"].double ?? .nan, mu * max(0, recover - survive), relative: 1e-9, absolute: 1e-9)
            if line["exposed"] == .bool(true) {
                exposed += 1
                let extra = line["extra_buffer"].double ?? .nan
                expectClose(
                    extra, max(0, (line["buffer_to_survive"].double ?? .nan) - inventory), relative: 1e-9, absolute: 1e-9)
                #expect(line["recommendation"].string != "none")
            } else {
                #expect(line["recommendation"].string == "none" && line["extra_buffer"].double == 0)
            }
        }
        #expect(exposed == d["total"]["exposed"].int)
        let byCriticality = d["by_criticality"].array.reduce(0.0) { $0 + ($1["value_at_risk"].double ?? .nan) }
        expectClose(byCriticality, d["total"]["value_at_risk"].double ?? .nan, relative: 1e-9)
        let values = lines.map { $0["value_at_risk"].double ?? .nan }
        #expect(values == values.sorted(by: >))

        let csv = try await cli.run(["risk", folder.path, "--format", "csv", "--exposed", "--quiet"])
        #expect(csv.status == 0 && csv.stdout.split(separator: "\n").count == exposed + 1)
        #expect(
            csv.stdout.hasPrefix(
                "item_id,location_id,category,criticality,class,suppliers,supplier_segment,supply_risk,single_source,lead_time_days"
            ))
        let matrix = d["matrix"].array.reduce(0.0) { $0 + ($1["value_at_risk"].double ?? .nan) }
        expectClose(matrix, d["total"]["value_at_risk"].double ?? .nan, relative: 1e-9, "matrix = total")
        for line in lines {
            let high = ["strategic", "bottleneck"].contains(line["supplier_segment"].string ?? "")
            #expect(line["supply_risk"].string == (high ? "high" : "low"))
        }
        let table = try await cli.run(["risk", folder.path, "--quiet"])
        #expect(table.stdout.hasPrefix("Supply exposure as of ") && table.stdout.contains("Largest values at risk"))

        let settings = folder.appendingPathComponent("settings.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "\nrisk:\n  recovery_days: 0\n").write(to: settings, atomically: true, encoding: .utf8)
        let refused = try await cli.run(["risk", folder.path, "--quiet"])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("risk.recovery_days — expected a whole number from 1 to 730, got 0"), "\(refused.stderr)")
    }

    @Test(
        "kanban: AX/BX or jit_kanban loops; N = ⌈D·L·(1+α)/C⌉ recomputed from the line, α·D·L = the safety stock; csv rows = loops"
    )
    func kanban() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("procura-kanban-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = try CLIRunner()
        #expect(try await cli.run(["demo-data", "--out", folder.path, "--items", "120", "--locations", "2"]).status == 0)
        let json = try await cli.run(["kanban", folder.path, "--format", "json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try JSONValue.parse(json.stdout)
        let loops = d["loops"].array
        #expect(!loops.isEmpty)
        for loop in loops {
            let kind = loop["class"].string ?? ""
            #expect(["AX", "BX"].contains(kind) || loop["strategy"].string == "jit_kanban", "\(loop["item_id"])")
            let demand = loop["daily_demand"].double ?? .nan
            let lead = loop["lead_time_days"].double ?? .nan
            let alpha = loop["safety_factor"].double ?? .nan
            let container = Double(loop["container_size"].int ?? 0)
            let exact = demand * lead * (1 + alpha) / container
            expectClose(loop["cards_exact"].double ?? .nan, exact, relative: 1e-12)
            let cards = loop["cards"].int ?? -1
            #expect(Double(cards) >= exact - 1e-9 && Double(cards) < exact + 1)
            #expect(loop["max_inventory"].int == cards * Int(container))
            #expect((loop["cards_full"].int ?? -1) <= cards)
            // A loop the plan runs (jit_kanban) is the policy itself: its maximum is N·C.
            if loop["planned"] == .bool(true) {
                #expect(loop["strategy"].string == "jit_kanban")
                #expect(loop["current_maximum"].double == Double(cards) * container, "\(loop["item_id"])")
            }
        }
        let planned = loops.filter { $0["planned"] == .bool(true) }.count
        #expect(planned > 0 && d["planned_loops"].int == planned)
        let csv = try await cli.run(["kanban", folder.path, "--format", "csv", "--quiet"])
        #expect(csv.stdout.split(separator: "\n").count == loops.count + 1)
        #expect(csv.stdout.hasPrefix("item_id,location_id,category,class,strategy,supplier_id,daily_demand"))
        let table = try await cli.run(["kanban", folder.path, "--quiet"])
        #expect(table.stdout.hasPrefix("Kanban board as of "))
    }
}
