import Foundation

/// A KPI trends chart as inline SVG (no scripts), like the stock-over-time chart: one line per
/// series over the months, gaps where a KPI is undefined, and the target as a dashed line.
enum KPIChart {
    static let width = 900.0
    static let height = 200.0
    static let left = 56.0
    static let right = 12.0
    static let top = 12.0
    static let bottom = 30.0
    static let colours = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"]

    static func svg(
        id: String, label: String, months: [String], series: [(name: String, values: [Double?])], target: Double?
    ) -> String {
        let values = series.flatMap { $0.values.compactMap { $0 } } + (target.map { [$0] } ?? [])
        guard !months.isEmpty, let peak = values.max() else { return "<p>No figures in this window.</p>" }
        let yMax = DemandChart.niceCeiling(max(peak, 1e-9))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ i: Int) -> Double { left + plotWidth * (months.count > 1 ? Double(i) / Double(months.count - 1) : 0.5) }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - min(max(v, 0), yMax) / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" id=\"\(id)\" aria-label=\"\(DemandChart.escape(label))\">"
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#e3e7ee\"/>"
            s +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(Format.number(v))</text>"
        }
        if let target {
            s +=
                "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(target)))\" y2=\"\(f(y(target)))\" stroke=\"#c53030\" stroke-dasharray=\"6 4\"/>"
        }
        for (k, line) in series.enumerated() {
            let colour = colours[k % colours.count]
            // One polyline per run of defined values.
            var runs: [[String]] = [[]]
            for (i, value) in line.values.enumerated() {
                if let value {
                    runs[runs.count - 1].append("\(f(x(i))),\(f(y(value)))")
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            for run in runs where !run.isEmpty {
                s +=
                    "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(run.joined(separator: " "))\"/>"
            }
            s +=
                "<text x=\"\(f(left + 8))\" y=\"\(f(top + 14 + Double(k) * 14))\" font-size=\"11\" fill=\"\(colour)\">\(DemandChart.escape(line.name))</text>"
        }
        s +=
            "<text x=\"\(f(left))\" y=\"\(f(height - 8))\" font-size=\"11\" fill=\"#5b6575\">\(DemandChart.escape(months.first ?? ""))</text>"
        s +=
            "<text x=\"\(f(width - right))\" y=\"\(f(height - 8))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(DemandChart.escape(months.last ?? ""))</text>"
        return s + "</svg>"
    }
}
