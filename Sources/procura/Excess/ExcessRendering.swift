import InventoryCore
import Planning

/// The tables and CSV of `procura excess` and `procura aging`.
enum ExcessRendering {
    static func money(_ x: Double) -> String { NumberFormat.fixed(x, 2) }

    static func lines(_ d: ExcessDocument) -> RowReport {
        RowReport(
            columns: [
                "item_id", "location_id", "category", "class", "on_hand_qty", "gross_value", "oldest_age_days",
                "coverage_months", "forecast_over_coverage", "excess_qty", "excess_value", "obsolete", "provision_value",
                "net_value", "on_order_qty", "on_order_excess_qty", "on_order_excess_value",
            ],
            numeric: [4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16],
            rows: d.lines.map { l in
                [
                    l.itemId, l.locationId, l.category, l.class, NumberFormat.csv(l.onHandQty), NumberFormat.csv(l.grossValue),
                    String(l.oldestAgeDays), String(l.coverageMonths), NumberFormat.csv(l.forecastOverCoverage),
                    NumberFormat.csv(l.excessQty), NumberFormat.csv(l.excessValue), l.obsolete ? "true" : "false",
                    NumberFormat.csv(l.provisionValue), NumberFormat.csv(l.netValue), NumberFormat.csv(l.onOrderQty),
                    NumberFormat.csv(l.onOrderExcessQty), NumberFormat.csv(l.onOrderExcessValue),
                ]
            })
    }

    static func excessTable(_ d: ExcessDocument, by: ExcessGrouping) -> String {
        var out =
            "Excess and obsolescence as of \(d.asOf): excess provision \(NumberFormat.fixed(d.excessProvisionRate * 100, 0)) %, obsolete after \(d.obsoleteAfterMonths) months without demand at \(NumberFormat.fixed(d.obsoleteProvisionRate * 100, 0)) %\n"
        var table = TextTable([
            (by.rawValue, .left), ("item-locations", .right), ("gross value", .right), ("excess value", .right),
            ("obsolete value", .right), ("provision", .right), ("net value", .right),
        ])
        for f in by.groups(d) + [d.total] {
            table.append([
                f.name, String(f.itemLocations), money(f.grossValue), money(f.excessValue), money(f.obsoleteValue),
                money(f.provisionValue), money(f.netValue),
            ])
        }
        out += table.rendered
        if d.includeOnOrder {
            out +=
                "Stock on order counted (excess.include_on_order): \(NumberFormat.fixed(d.total.onOrderQty, 0)) units, of which \(NumberFormat.fixed(d.total.onOrderExcessQty, 0)) beyond the forecast over the coverage worth \(money(d.total.onOrderExcessValue)) — orders to cancel or push out\n"
        }
        out +=
            "\nLargest provisions (\(min(20, d.lines.count)) of \(d.lines.count) item-locations with excess or obsolete stock)\n"
        var top = TextTable([
            ("item", .left), ("location", .left), ("class", .left), ("on hand", .right), ("gross value", .right),
            ("excess value", .right), ("obsolete", .left), ("provision", .right),
        ])
        for l in d.lines.prefix(20) {
            top.append([
                l.itemId, l.locationId, l.class, NumberFormat.fixed(l.onHandQty, 0), money(l.grossValue), money(l.excessValue),
                l.obsolete ? "yes" : "", money(l.provisionValue),
            ])
        }
        out += d.lines.isEmpty ? "none\n" : top.rendered
        return out
    }

    /// The value per age bucket of each group and the total; the table rounds to cents, csv and
    /// json keep every digit.
    static func aging(_ d: ExcessDocument, by: ExcessGrouping, format: OutputFormat) -> RowReport {
        let columns =
            [by.rawValue, "item_locations", "gross_value"] + d.ageBuckets + ["no_movement_item_locations", "no_movement_value"]
        let number = format == .table ? money : NumberFormat.csv
        return RowReport(
            columns: columns, numeric: Set(1..<columns.count),
            rows: (by.groups(d) + [d.total]).map { f in
                [f.name, String(f.itemLocations), number(f.grossValue)] + f.agedValueByBucket.map(number)
                    + [String(f.noMovementItemLocations), number(f.noMovementValue)]
            })
    }
}
