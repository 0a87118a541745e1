import Foundation

/// A KPI trends chart as inline SVG (no scripts), in the frame of the stock-over-time chart
/// (``ChartFrame``): one line per series over the months, gaps where a KPI is undefined, and the
/// target as a dashed line.
enum KPIChart {
    static let colours = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"]

    static func svg(
        id: String, label: String, months: [String], series: [(name: String, values: [Double?])], target: Double?
    ) -> String {
        let values = series.flatMap { $0.values.compactMap { $0 } } + (target.map { [$0] } ?? [])
        guard !months.isEmpty, let peak = values.max() else { return "<p>No figures in this window.</p>" }
        let frame = ChartFrame(height: 200, count: months.count, peak: peak)
        let f = ChartFrame.f
        var s = frame.open(id: id, label: label)
        if let target {
            s +=
                "<line x1=\"\(f(ChartFrame.left))\" x2=\"\(f(ChartFrame.width - ChartFrame.right))\" y1=\"\(f(frame.y(target)))\" y2=\"\(f(frame.y(target)))\" stroke=\"#c53030\" stroke-dasharray=\"6 4\"/>"
        }
        for (k, line) in series.enumerated() {
            let colour = colours[k % colours.count]
            // One polyline per run of defined values.
            var runs: [[String]] = [[]]
            for (i, value) in line.values.enumerated() {
                if let value {
                    runs[runs.count - 1].append("\(f(frame.x(i))),\(f(frame.y(value)))")
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            for run in runs where !run.isEmpty {
                s +=
                    "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(run.joined(separator: " "))\"/>"
            }
            s += frame.legend(line.name, index: k, colour: colour)
        }
        return s + frame.close(first: months.first ?? "", last: months.last ?? "")
    }
}
