import Foundation
import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@testable import procura

@Suite("procura plan outputs: policies.csv, explanations.jsonl, summary.json")
struct PlanExportTests {
    static func plan() async -> PlanExport {
        var b = SnapshotBuilder()
        b.location("L1")
        b.supplier("SUP")
        b.supplier("ALT")
        b.item("BOLT, M8", cost: 2, criticality: .vital)
        b.item("VALVE", cost: 150)
        b.item("OLD", cost: 9, lifecycle: .obsolete)
        b.demand("BOLT, M8", at: "L1", (0..<52).map { $0 % 2 == 0 ? 90 : 110 })
        b.demand("VALVE", at: "L1", (0..<52).map { $0 % 4 == 0 ? 3 : 0 })
        b.demand("OLD", at: "L1", [Double](repeating: 1, count: 52))
        b.source("BOLT, M8", at: "L1", from: "SUP", leadTime: 14, purchaseUOM: "BOX", unitsPerPurchaseUOM: 100, orderMultiple: 2)
        b.source("VALVE", at: "L1", from: "SUP", leadTime: 30, share: 0.5)
        b.source("VALVE", at: "L1", from: "ALT", leadTime: 10, share: 0.5)
        b.stock("BOLT, M8", at: "L1", 500)
        b.override("VALVE", at: "L1", "safety_stock", 10, reason: "critical \"spare\"")
        let snapshot = b.build()
        return PlanExport(plan: await PlanRun.run(snapshot: snapshot), snapshot: snapshot)
    }

    func collect(_ produce: ((String) -> Void) async -> Void) async -> String {
        var text = ""
        await produce { text += $0 }
        return text
    }

    @Test("policies.csv: the documented header, one row per item-location, final and computed values")
    func policies() async throws {
        let export = await Self.plan()
        let text = await collect { await export.policiesCSV(into: $0) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 4)
        #expect(lines[0] == PlanExport.policyColumns.joined(separator: ","))
        #expect(lines[1].hasPrefix("\"BOLT, M8\",L1,"))  // quoted: the key has a comma
        let bolt = try #require(export.plan.rows.first?.policy)
        let fields = CSVFields.split(String(lines[1]))
        #expect(fields.count == PlanExport.policyColumns.count)
        func field(_ name: String) -> String { fields[PlanExport.policyColumns.firstIndex(of: name) ?? 0] }
        #expect(field("policy_type") == "(s,Q)" && field("review_type") == "continuous")
        // The default estimator: automatic selection; the column names the chosen model.
        #expect(field("method") == "forecast_error" && ["ses", "holt", "moving-average"].contains(field("forecast_model")))
        #expect(Double(field("safety_stock")) == bolt.final.safetyStock)
        #expect(field("purchase_uom") == "BOX" && field("units_per_purchase_uom") == "100")
        #expect(Double(field("min")) == bolt.final.minimum && Double(field("min"))!.truncatingRemainder(dividingBy: 2) == 0)
        #expect(field("supplier_id") == "SUP" && field("suppliers") == "")
        #expect(Double(field("on_hand_value")) == 1_000)
        let valve = CSVFields.split(String(lines[2]))
        func valveField(_ name: String) -> String { valve[PlanExport.policyColumns.firstIndex(of: name) ?? 0] }
        #expect(valveField("overridden") == "safety_stock")
        #expect(valveField("safety_stock") == "10")
        // Equal shares: the shorter lead time is primary.
        #expect(valveField("suppliers").hasPrefix("ALT:0.5:") && valveField("suppliers").contains(";SUP:0.5:"))
        #expect(valveField("supplier_id") == "ALT")
        #expect(valveField("urgent_supplier_id") == "ALT")
        let old = CSVFields.split(String(lines[3]))
        #expect(old[PlanExport.policyColumns.firstIndex(of: "policy_type") ?? 0] == "none")
    }

    @Test("windows and pieces smaller than the plan: every row once, in order")
    func pieces() async throws {
        var export = await Self.plan()
        let whole = await collect { await export.explanations(into: $0) }
        let wholeCSV = await collect { await export.policiesCSV(into: $0) }
        export.rowsPerPiece = 1
        export.rowsPerWindow = 2
        var pieces: [String] = []
        await export.explanations { pieces.append($0) }
        #expect(pieces.count == 3 && pieces.joined() == whole)
        #expect(await collect { await export.policiesCSV(into: $0) } == wholeCSV)
    }

    @Test("explanations.jsonl: one parseable object per line with the derivation")
    func explanations() async throws {
        let export = await Self.plan()
        let text = await collect { await export.explanations(into: $0) }
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        let bolt = try JSONValue.parse(Data(lines[0].utf8))
        #expect(bolt["item_id"].string == "BOLT, M8")
        #expect(bolt["policy"].string == "(s,Q), continuous review")
        #expect(bolt["steps"].array.contains { $0["name"].string == "safety stock" })
        #expect(bolt["final"]["safety_stock"].double == export.plan.rows[0].policy.final.safetyStock)
        let valve = try JSONValue.parse(Data(lines[1].utf8))
        #expect(valve["overrides"][0].string?.contains("reason: critical \"spare\"") == true)
        #expect(valve["computed"]["safety_stock"].double != valve["final"]["safety_stock"].double)
    }

    @Test("summary.json and the table: policy value against today's stock per class")
    func summary() async throws {
        let export = await Self.plan()
        let json = try JSONValue.parse(Data(export.summaryJSON().pretty.utf8))
        #expect(json["item_locations"].int == 3)
        #expect(json["by_abc"].array.map { $0["abc"].string ?? "" } == ["A", "B", "C"])
        #expect(json["total"]["on_hand_value"].double == 1_000)
        expectClose(
            try #require(json["total"]["policy_value"].double), export.plan.summary.total.policyValue, relative: 1e-15)
        #expect(json["policy_types"]["none"].int == 1)
        let table = export.table()
        #expect(table.hasPrefix("Plan as of 2026-11-30: 3 item-locations, 2 with a stock policy"))
        #expect(table.contains("\ntotal "))
    }
}

/// Splits one CSV record (RFC 4180 quoting) for the checks above.
enum CSVFields {
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        fields.append(current)
        return fields
    }
}
