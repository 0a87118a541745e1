import InventoryCore
import Planning

/// `procura kpis --by month` output: a table per group for people, CSV (one row per group and
/// month) and JSON (the whole ``Planning/KPIHistory``, as `GET /api/v1/kpis/history` sends it).
enum KPIHistoryRendering {
    static let columns = [
        "grouping", "name", "month", "first_day", "last_day", "days", "stock_days", "item_locations", "cogs",
        "average_inventory_value", "inventory_turnover", "inventory_turnover_annualized", "days_on_hand", "issued_quantity",
        "lost_quantity", "fill_rate", "cycles", "cycle_service_level", "stockout_days", "stockout_frequency", "excess_value",
        "obsolete_value", "forecast_wape_percent", "forecast_bias_percent", "gross_margin", "gmroi",
    ]

    static func csv(_ history: KPIHistory) -> String {
        var out = CSVOutput()
        out.row(columns)
        let optional = { (x: Double?) in x.map(NumberFormat.csv) ?? "" }
        for series in [history.total] + history.groups {
            for (period, p) in zip(history.periods, series.points) {
                out.row(
                    [
                        series.grouping, series.name, p.month, period.firstDay, period.lastDay, String(period.days),
                        String(period.stockDays), String(p.itemLocations), NumberFormat.csv(p.cogs),
                        optional(p.averageInventoryValue), optional(p.inventoryTurnover),
                        optional(p.inventoryTurnoverAnnualized), optional(p.daysOnHand), NumberFormat.csv(p.issuedQuantity),
                        NumberFormat.csv(p.lostQuantity), optional(p.fillRate), String(p.cycles), optional(p.cycleServiceLevel),
                        String(p.stockoutDays), optional(p.stockoutFrequency), optional(p.excessValue),
                        optional(p.obsoleteValue), optional(p.forecastWapePercent), optional(p.forecastBiasPercent),
                        optional(p.grossMargin), optional(p.gmroi),
                    ])
            }
        }
        return out.text
    }

    static func table(_ history: KPIHistory) -> String {
        let t = history.targets
        var out =
            "KPI history as of \(history.asOf), \(history.from) … \(history.to) by month (whole \(history.bucket)s); values in \(history.currency)\n"
        out +=
            "Targets: turns ≥ \(NumberFormat.fixed(t.inventoryTurnoverAnnualized, 2)), days on hand ≤ \(NumberFormat.fixed(t.daysOnHand, 0)), fill rate ≥ \(NumberFormat.percent(t.fillRate)), cycle service level ≥ \(NumberFormat.percent(t.cycleServiceLevel)), stock-out frequency ≤ \(NumberFormat.percent(t.stockoutFrequency)) (* = target missed)\n"
        if let from = history.accuracyFrom { out += "Forecast accuracy (WAPE) from \(from) on.\n" }
        for series in [history.total] + history.groups {
            out += "\n" + (series.grouping == "total" ? "total" : "\(series.grouping) \(series.name)") + "\n"
            out += table(series, history.periods).rendered
            let trend = series.trend
            func slope(_ x: Double?, _ decimals: Int) -> String {
                x.map { ($0 >= 0 ? "+" : "") + NumberFormat.fixed($0, decimals) } ?? "–"
            }
            out +=
                "trend per month: turns \(slope(trend.inventoryTurnoverAnnualized, 3)), days on hand \(slope(trend.daysOnHand, 1)), fill rate \(slope(trend.fillRate.map { $0 * 100 }, 2)) pts, stock-out frequency \(slope(trend.stockoutFrequency.map { $0 * 100 }, 3)) pts\n"
        }
        return out
    }

    private static func table(_ series: KPIHistory.Series, _ periods: [KPIHistory.Period]) -> TextTable {
        var table = TextTable(
            [
                ("month", .left), ("COGS", .right), ("avg inventory", .right), ("turns (yr)", .right), ("days on hand", .right),
                ("fill rate", .right), ("CSL", .right), ("stock-out freq", .right), ("excess", .right), ("obsolete", .right),
                ("WAPE", .right), ("GMROI", .right),
            ])
        func mark(_ met: Bool?) -> String { met == false ? "*" : "" }
        for p in series.points {
            let ok = p.onTarget
            table.append(
                [
                    p.month, NumberFormat.grouped(p.cogs), p.averageInventoryValue.map(NumberFormat.grouped) ?? "–",
                    (p.inventoryTurnoverAnnualized.map { NumberFormat.fixed($0, 2) } ?? "–")
                        + mark(ok.inventoryTurnoverAnnualized),
                    (p.daysOnHand.map { NumberFormat.fixed($0, 0) } ?? "–") + mark(ok.daysOnHand),
                    (p.fillRate.map(NumberFormat.percent) ?? "–") + mark(ok.fillRate),
                    (p.cycleServiceLevel.map(NumberFormat.percent) ?? "–") + mark(ok.cycleServiceLevel),
                    (p.stockoutFrequency.map(NumberFormat.percent) ?? "–") + mark(ok.stockoutFrequency),
                    p.excessValue.map(NumberFormat.grouped) ?? "–", p.obsoleteValue.map(NumberFormat.grouped) ?? "–",
                    p.forecastWapePercent.map { NumberFormat.fixed($0, 1) + " %" } ?? "–",
                    p.gmroi.map { NumberFormat.fixed($0, 2) } ?? "–",
                ])
        }
        return table
    }
}
