import InventoryCore
import Planning

/// The table of `procura exposure`.
enum ExposureRendering {
    static func money(_ x: Double) -> String { NumberFormat.fixed(x, 2) }

    static func table(_ r: ExposureReport, by: ExposureGrouping) -> String {
        var out = "Excess exposure \(r.month) as of \(r.asOf) (\(r.currency))\n"
        if let at = r.closedAt, let by = r.closedBy {
            out += "source: closed — the stored month-end close by \(by) at \(at)\n"
        } else {
            out += "source: computed now\n"
        }
        out +=
            "exposure \(money(r.total.exposureValue)) — excess \(money(r.excessValue)), obsolete \(money(r.obsoleteValue)) (procura excess); provision \(money(r.provisionValue)); new this month \(money(r.total.newExposureValue))\n"
        out +=
            "over-ordering decisions (po_above_proposal, emergency_buy, override_above_computed): \(money(r.total.decisionValue)) (\(NumberFormat.percent(r.total.decisionShare)))\n\n"
        if let c = r.sinceClose {
            out +=
                "since the close of \(c.month) (exposure then \(money(c.exposureAtCloseValue))): new \(money(c.newSinceCloseValue)) in \(c.itemLocationsIncreased) item-locations, released \(money(c.releasedSinceCloseValue))\n\n"
        }
        out += "Trend (excess and obsolete value: procura kpis --by month, recomputed; closed exposure: the stored close)\n"
        var trend = TextTable([
            ("month", .left), ("excess value", .right), ("obsolete value", .right), ("closed exposure", .right),
        ])
        for p in r.trend {
            trend.append([
                p.month, p.excessValue.map(money) ?? "–", p.obsoleteValue.map(money) ?? "–",
                p.closedExposureValue.map(money) ?? "–",
            ])
        }
        out += r.trend.isEmpty ? "none\n" : trend.rendered
        out += "\nBy cause family\n"
        var families = TextTable([("family", .left), ("exposure", .right), ("new this month", .right)])
        for (k, name) in r.families.enumerated() {
            families.append([name, money(r.total.byFamily[k]), money(r.total.newByFamily[k])])
        }
        families.append(["total", money(r.total.exposureValue), money(r.total.newExposureValue)])
        out += families.rendered
        out += "\nBy \(by.rawValue)\n"
        var groups = TextTable(
            [(by.rawValue, .left), ("item-locations", .right), ("exposure", .right), ("new", .right)]
                + r.families.map { ($0, .right) } + [("decisions", .right), ("share", .right)])
        for f in by.groups(r) + [r.total] {
            groups.append(
                [f.name, String(f.itemLocations), money(f.exposureValue), money(f.newExposureValue)]
                    + f.byFamily.map(money) + [money(f.decisionValue), NumberFormat.percent(f.decisionShare)])
        }
        out += groups.rendered
        out += "\nLargest positions (\(min(20, r.lines.count)) of \(r.lines.count))\n"
        var top = TextTable([
            ("item", .left), ("location", .left), ("category", .left), ("buyer", .left), ("exposure", .right), ("new", .right),
            ("causes", .left),
        ])
        for l in r.lines.prefix(20) {
            top.append([
                l.itemId, l.locationId, l.category, l.buyer, money(l.exposureValue), money(l.newExposureValue),
                l.causes.map(\.cause).joined(separator: ", "),
            ])
        }
        out += r.lines.isEmpty ? "none\n" : top.rendered
        return out
    }
}
