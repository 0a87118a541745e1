import Foundation
import InventoryCore
import Planning

/// How `procura risk --check-buffers` prints ``Planning/BufferCheckDocument``.
enum RiskBufferCheckOutput {
    static let columns = [
        "item_id", "location_id", "class", "parameters", "extra_buffer", "target", "baseline_achieved", "current_achieved",
        "buffered_achieved", "verdict",
    ]

    static func lines(_ d: BufferCheckDocument, machine: Bool) -> RowReport {
        func n(_ x: Double) -> String {
            guard !x.isNaN else { return machine ? "" : "–" }
            return machine ? NumberFormat.csv(x) : NumberFormat.fixed(x, 1)
        }
        return RowReport(
            columns: columns, numeric: Set([4, 5, 6, 7, 8]),
            rows: d.lines.map { l in
                [
                    l.itemId, l.locationId, l.class, l.parameters, n(l.extraBuffer), n(l.target), n(l.baselineAchieved),
                    n(l.currentAchieved), n(l.bufferedAchieved), l.verdict,
                ]
            })
    }

    static func table(_ d: BufferCheckDocument) -> String {
        func percent(_ x: Double) -> String { x.isNaN ? "–" : NumberFormat.fixed(x * 100, 1) + " %" }
        var out = "Do the recommended buffers hold? \(d.scenario) — \(d.from) … \(d.to) (\(d.periods) \(d.period)s), "
        out += "\(d.replications == 1 ? "the history as it was" : "\(d.replications) replications, seed \(d.seed)"); "
        out +=
            "\(d.measure.replacingOccurrences(of: "_", with: " ")) within \(NumberFormat.fixed(d.tolerance * 100, 0)) points of target\n"
        for s in d.shocks { out += "  shock: \(s)\n" }
        out += "\(d.checked) item-locations checked: \(d.bufferHolds) break now and hold with the buffer, "
        out += "\(d.bufferShort) break even with it, \(d.holdsAlready) hold already"
        if d.tooLarge > 0 { out += ", \(d.tooLarge) with a buffer too large to replay" }
        if d.notMeasured > 0 { out += ", \(d.notMeasured) whose service cannot be measured under the disruption" }
        if d.notReplayed > 0 { out += "; \(d.notReplayed) not replayable (the back-test's reasons)" }
        out += "\n"
        var table = TextTable([
            ("item", .left), ("location", .left), ("class", .left), ("extra buffer", .right), ("target", .right),
            ("baseline", .right), ("now, shocked", .right), ("with buffer", .right), ("verdict", .left),
        ])
        for l in d.lines.prefix(50) {
            table.append([
                l.itemId, l.locationId, l.class, NumberFormat.fixed(l.extraBuffer, 0), percent(l.target),
                percent(l.baselineAchieved), percent(l.currentAchieved), percent(l.bufferedAchieved),
                l.verdict.replacingOccurrences(of: "_", with: " "),
            ])
        }
        return out + table.rendered
    }
}
