import Foundation

/// The stock-over-time page's chart as inline SVG (no scripts): on hand at the end of each day, one
/// line per location and owner.
enum StockChart {
    static let colours = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1", "#b83280", "#4a5568"]

    static func svg(_ history: StockOverTimeEndpoints.History) -> String {
        var series: [String: [(date: String, onHand: Double)]] = [:]
        for day in history.days { series["\(day.locationId) \(day.owner)", default: []].append((day.date, day.onHand)) }
        let dates = Array(Set(history.days.map(\.date))).sorted()
        guard dates.count > 0 else { return "<p>No stock history in this window.</p>" }
        let column = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        let frame = ChartFrame(height: 240, count: dates.count, peak: history.days.map(\.onHand).max() ?? 0)
        let f = ChartFrame.f
        var s = frame.open(id: "stock-chart", label: "Stock on hand at the end of each day")
        for (k, name) in series.keys.sorted().enumerated() {
            let points = (series[name] ?? []).compactMap { p in column[p.date].map { "\(f(frame.x($0))),\(f(frame.y(p.onHand)))" }
            }
            let colour = colours[k % colours.count]
            s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/>"
            s += frame.legend(name, index: k, colour: colour)
        }
        return s + frame.close(first: dates.first ?? "", last: dates.last ?? "")
    }
}
