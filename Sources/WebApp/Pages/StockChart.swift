import Foundation

/// The stock-over-time page's chart as inline SVG (no scripts): on hand at the end of each day, one
/// line per location and owner.
enum StockChart {
    static let width = 900.0
    static let height = 240.0
    static let left = 56.0
    static let right = 12.0
    static let top = 12.0
    static let bottom = 30.0
    static let colours = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#4a5568"]

    static func svg(_ history: StockOverTimeEndpoints.History) -> String {
        var series: [String: [(date: String, onHand: Double)]] = [:]
        for day in history.days { series["\(day.locationId) \(day.owner)", default: []].append((day.date, day.onHand)) }
        let dates = Array(Set(history.days.map(\.date))).sorted()
        guard dates.count > 0 else { return "<p>No stock history in this window.</p>" }
        let column = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        let yMax = DemandChart.niceCeiling(max(history.days.map(\.onHand).max() ?? 0, 1e-9))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ i: Int) -> Double { left + plotWidth * (dates.count > 1 ? Double(i) / Double(dates.count - 1) : 0.5) }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - min(max(v, 0), yMax) / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" id=\"stock-chart\" aria-label=\"Stock on hand at the end of each day\">"
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#e3e7ee\"/>"
            s +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(Format.number(v))</text>"
        }
        for (k, name) in series.keys.sorted().enumerated() {
            let points = (series[name] ?? []).compactMap { p in column[p.date].map { "\(f(x($0))),\(f(y(p.onHand)))" } }
            let colour = colours[k % colours.count]
            s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/>"
            s +=
                "<text x=\"\(f(left + 8))\" y=\"\(f(top + 14 + Double(k) * 14))\" font-size=\"11\" fill=\"\(colour)\">\(DemandChart.escape(name))</text>"
        }
        s +=
            "<text x=\"\(f(left))\" y=\"\(f(height - 8))\" font-size=\"11\" fill=\"#5b6575\">\(DemandChart.escape(dates.first ?? ""))</text>"
        s +=
            "<text x=\"\(f(width - right))\" y=\"\(f(height - 8))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(DemandChart.escape(dates.last ?? ""))</text>"
        return s + "</svg>"
    }
}
