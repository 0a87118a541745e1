import Foundation
import InventoryCore
import Planning

/// `procura kpis` output: a table for people, CSV (one row per group) and JSON (the whole
/// ``Planning/InventoryKPIs``, as `GET /api/v1/dashboard` sends it).
struct KPIRendering {
    let kpis: InventoryKPIs
    let groupings: [InventoryKPIs.Grouping]

    static let columns = [
        "grouping", "name", "item_locations", "inventory_value", "cost_of_goods_issued", "annual_usage_value", "turns",
        "days_on_hand",
        "issued_quantity", "lost_quantity", "fill_rate", "stockout_days", "stockout_item_locations", "stockout_frequency",
    ]

    private var groups: [(String, KPIFigures)] {
        [("total", kpis.total)] + groupings.flatMap { g in (kpis.groups(g) ?? []).map { (g.rawValue, $0) } }
    }

    var csv: String {
        var out = CSVOutput()
        out.row(Self.columns)
        for (grouping, f) in groups {
            let optional = { (x: Double?) in x.map(NumberFormat.csv) ?? "" }
            out.row(
                [grouping, f.name, String(f.itemLocations)]
                    + [f.inventoryValue, f.costOfGoodsIssued, f.annualUsageValue].map(NumberFormat.csv)
                    + [optional(f.turns), optional(f.daysOnHand)] + [f.issuedQuantity, f.lostQuantity].map(NumberFormat.csv)
                    + [
                        optional(f.fillRate), String(f.stockoutDays), String(f.stockoutItemLocations),
                        optional(f.stockoutFrequency),
                    ])
        }
        return out.text
    }

    /// The KPIs in Procura's one JSON convention (``InventoryCore/JSONValueEncoder``, as the API).
    func json() throws -> String {
        try JSONValueEncoder().encode(kpis).pretty
    }

    var table: String {
        let p = kpis.period
        let source = kpis.runNumber.map { "plan run \($0)" } ?? "a plan of the data folder"
        var out =
            "Inventory KPIs as of \(kpis.asOf) (\(source)); flows over \(p.buckets) \(p.bucket)s, \(p.firstDay) … \(p.lastDay) (\(p.days) days); values in \(kpis.currency)\n\n"
        func optional(_ x: Double?, _ decimals: Int) -> String { x.map { NumberFormat.fixed($0, decimals) } ?? "–" }
        var table = TextTable(
            [
                ("group", .left), ("item-locations", .right), ("inventory value", .right), ("annual usage", .right),
                ("turns", .right),
                ("days on hand", .right), ("fill rate (est.)", .right), ("stock-out days", .right), ("with stock-outs", .right),
            ])
        for (grouping, f) in groups {
            table.append(
                [
                    grouping == "total" ? "total" : "\(grouping) \(f.name)", NumberFormat.grouped(Double(f.itemLocations)),
                    NumberFormat.grouped(f.inventoryValue), NumberFormat.grouped(f.annualUsageValue), optional(f.turns, 2),
                    optional(f.daysOnHand, 0), f.fillRate.map(NumberFormat.percent) ?? "–",
                    NumberFormat.grouped(Double(f.stockoutDays)),
                    NumberFormat.grouped(Double(f.stockoutItemLocations)),
                ])
        }
        out += table.rendered
        out += "\nABC-XYZ matrix: item-locations / annual value / share of value\n"
        var matrix = TextTable([("", .left), ("X", .right), ("Y", .right), ("Z", .right)])
        for abc in ["A", "B", "C"] {
            let cells = kpis.matrix.filter { $0.abc == abc }
            matrix.append(
                [abc]
                    + cells.map {
                        "\(NumberFormat.grouped(Double($0.count))) / \(NumberFormat.grouped($0.value)) / \(NumberFormat.percent($0.share))"
                    })
        }
        out += matrix.rendered
        out += "\nAlerts\n"
        for list in kpis.alerts {
            out += "  \(list.title): \(list.count)\n"
            for a in list.top { out += "    \(a.itemId) @ \(a.locationId) — \(a.text)\n" }
        }
        return out
    }
}
