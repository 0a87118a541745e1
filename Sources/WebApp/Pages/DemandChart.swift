import Foundation
import InventoryCore

/// The item page's chart as inline SVG (no scripts): demand per bucket as bars (buckets with
/// stock-out days in red), the forecast as a line and its interval as a band.
enum DemandChart {
    static let width = 900.0
    static let height = 260.0
    static let left = 56.0
    static let right = 12.0
    static let top = 12.0
    static let bottom = 30.0

    static func svg(_ data: ForecastResponse) -> String {
        let history = data.history
        let forecast = data.forecast
        let count = history.count + forecast.count
        guard count > 0 else { return "<p>No demand history.</p>" }
        let peak = max(
            history.map(\.quantity).max() ?? 0, forecast.map { $0.upper ?? $0.value }.max() ?? 0, 1e-9)
        let yMax = niceCeiling(peak)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let slot = plotWidth / Double(count)
        func x(_ i: Int) -> Double { left + (Double(i) + 0.5) * slot }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - min(max(v, 0), yMax) / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" id=\"demand-chart\""
        s += " aria-label=\"Demand history and forecast of \(escape(data.itemId)) at \(escape(data.locationId))\">"
        // Grid and y labels.
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#e3e7ee\"/>"
            s +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(Format.number(v))</text>"
        }
        // History bars.
        let barWidth = max(1, slot * 0.8)
        for (i, point) in history.enumerated() {
            let color = point.stockoutDays > 0 ? "#d9534f" : "#8fa9d1"
            let top = y(point.quantity)
            s +=
                "<rect class=\"history\" x=\"\(f(x(i) - barWidth / 2))\" y=\"\(f(top))\" width=\"\(f(barWidth))\" height=\"\(f(y(0) - top))\" fill=\"\(color)\">"
            s +=
                "<title>\(point.start): \(Format.number(point.quantity))\(point.stockoutDays > 0 ? " (\(point.stockoutDays) stock-out days)" : "")</title></rect>"
        }
        // Forecast band and line.
        let offset = history.count
        if forecast.contains(where: { $0.upper != nil }) {
            let upper = forecast.enumerated().map { "\(f(x(offset + $0.offset))),\(f(y($0.element.upper ?? $0.element.value)))" }
            let lower = forecast.enumerated().reversed().map {
                "\(f(x(offset + $0.offset))),\(f(y($0.element.lower ?? $0.element.value)))"
            }
            s +=
                "<polygon class=\"interval\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"#f4b860\" fill-opacity=\"0.35\" stroke=\"none\"/>"
        }
        if !forecast.isEmpty {
            let line = forecast.enumerated().map { "\(f(x(offset + $0.offset))),\(f(y($0.element.value)))" }
            s +=
                "<polyline class=\"forecast\" points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"#d9822b\" stroke-width=\"2.5\"/>"
            s +=
                "<line x1=\"\(f(left + Double(offset) * slot))\" x2=\"\(f(left + Double(offset) * slot))\" y1=\"\(f(top))\" y2=\"\(f(y(0)))\" stroke=\"#5b6575\" stroke-dasharray=\"4 3\"/>"
        }
        // X labels: about six dates.
        let labels = history.map(\.start) + forecast.map(\.start)
        let step = max(1, count / 6)
        for i in stride(from: 0, to: count, by: step) {
            s +=
                "<text x=\"\(f(x(i)))\" y=\"\(f(height - 10))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6575\">\(labels[i])</text>"
        }
        s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#5b6575\"/>"
        s += "</svg>"
        return s
    }

    /// 1, 2, 2.5, 5 × 10ⁿ at or above `x`.
    static func niceCeiling(_ x: Double) -> Double {
        let exponent = floor(log10(x))
        let base = pow(10, exponent)
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where m * base >= x { return m * base }
        return 10 * base
    }

    static func escape(_ s: String) -> String { XMLText.escaped(s) }
}
