import InventoryCore
import Planning

extension ClassificationRendering {
    /// A report for the terminal: the matrix, counts, moves and the top item-locations by value.
    func table(limit: Int) -> String {
        let summary = report.summary
        var out =
            "Classification as of \(report.asOf.isoString): \(NumberFormat.grouped(Double(summary.itemLocations))) item-locations, "
        out += "window \(report.windowBuckets) \(report.bucket.rawValue)s from \(report.windowStart.isoString), "
        out += "annual value \(NumberFormat.grouped(summary.totalAnnualValue)) \(snapshot.settings.currency)\n\n"

        out += "ABC-XYZ matrix: item-locations / annual value / share of value\n"
        var matrix = TextTable([("", .left), ("X", .right), ("Y", .right), ("Z", .right), ("total", .right)])
        for abc in ABCClass.allCases {
            var cells: [String] = [abc.rawValue]
            var count = 0
            var value = 0.0
            for xyz in XYZClass.allCases {
                let cell = summary.cells[ABCXYZCell(abc, xyz).index]
                cells.append(
                    "\(cell.count) / \(NumberFormat.grouped(cell.annualValue)) / \(NumberFormat.percent(cell.valueShare))")
                count += cell.count
                value += cell.annualValue
            }
            let share = summary.totalAnnualValue > 0 ? value / summary.totalAnnualValue : 0
            cells.append("\(count) / \(NumberFormat.grouped(value)) / \(NumberFormat.percent(share))")
            matrix.append(cells)
        }
        var totals: [String] = ["total"]
        for xyz in XYZClass.allCases {
            let cells = ABCClass.allCases.map { summary.cells[ABCXYZCell($0, xyz).index] }
            let count = cells.map(\.count).reduce(0, +)
            let value = cells.map(\.annualValue).reduce(0, +)
            let share = summary.totalAnnualValue > 0 ? value / summary.totalAnnualValue : 0
            totals.append("\(count) / \(NumberFormat.grouped(value)) / \(NumberFormat.percent(share))")
        }
        totals.append("\(summary.itemLocations) / \(NumberFormat.grouped(summary.totalAnnualValue)) / 100.0%")
        matrix.append(totals)
        out += matrix.rendered + "\n"

        out += "Demand patterns: "
        out += DemandPattern.allCases.map { "\($0.rawValue) \(summary.patterns[$0] ?? 0)" }.joined(separator: ", ") + "\n"
        out += "Strategies: "
        out +=
            ProcurementStrategy.allCases.compactMap { s in summary.strategies[s].map { "\(s.rawValue) \($0)" } }
            .joined(separator: ", ") + "\n"
        if !report.suppliers.isEmpty {
            out += "Suppliers (Kraljic): "
            out +=
                SupplierSegment.allCases.map { seg in "\(seg.rawValue) \(report.suppliers.filter { $0.segment == seg }.count)" }
                .joined(separator: ", ") + "\n"
        }

        if report.comparedWithPrevious {
            let moved = report.moves.filter { $0.kind == .moved }.count
            let held = report.moves.count - moved
            out += "\nAgainst the previous classification: \(moved) changes, \(held) held back by the hysteresis margin\n"
            var moves = TextTable([
                ("item", .left), ("location", .left), ("class", .left), ("change", .left), ("", .left), ("reason", .left),
            ])
            for move in report.moves.prefix(limit > 0 ? limit : report.moves.count) {
                let row = report.rows[move.row]
                moves.append([
                    itemID(row), locationID(row), move.dimension.rawValue, "\(move.from)→\(move.to)", move.kind.rawValue,
                    move.reason,
                ])
            }
            if !report.moves.isEmpty { out += moves.rendered }
        }

        let order = rowsByValue
        let shown = limit > 0 ? min(limit, order.count) : order.count
        out += "\nItem-locations by annual value (\(shown) of \(order.count); --limit 0 or --format csv for all)\n"
        var rows = TextTable([
            ("item", .left), ("location", .left), ("class", .left), ("pattern", .left), ("annual value", .right),
            ("cum.share", .right), ("CV", .right), ("ADI", .right), ("CV²", .right), ("service", .right),
            ("strategy", .left), ("flags", .left),
        ])
        for r in order.prefix(shown) {
            let row = report.rows[r]
            rows.append([
                itemID(row), locationID(row), row.cell.description, row.pattern.rawValue,
                NumberFormat.grouped(row.annualValue), NumberFormat.fixed(row.cumulativeShare, 3),
                NumberFormat.fixed(row.cv, 2), NumberFormat.fixed(row.adi, 2), NumberFormat.fixed(row.cv2, 2),
                NumberFormat.percent(row.serviceLevel), row.strategy.rawValue, row.flags.joined(separator: ","),
            ])
        }
        out += rows.rendered
        return out
    }
}
