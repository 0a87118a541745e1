import Foundation
import InventoryCore
import Planning

/// The Working capital page's chart as inline SVG (no scripts): per ABC class its frontier —
/// inventory investment (x) against service (y) — as a line through the levels, today's point as a
/// ring and the target's choice, when there is one, as a filled dot.
enum WorkingCapitalChart {
    static let width = 900.0
    static let height = 300.0
    static let left = 64.0
    static let right = 16.0
    static let top = 12.0
    static let bottom = 34.0
    static let colors = ["A": "#2f5d9e", "B": "#d9822b", "C": "#4c9a6a"]

    static func svg(_ d: WorkingCapitalDocument) -> String {
        let points = d.classes.flatMap { [$0.current] + $0.frontier }
        guard !points.isEmpty else { return "<p>No item-locations in the plan.</p>" }
        let xMax = DemandChart.niceCeiling(max(points.map(\.investment).max() ?? 0, 1e-9))
        let services = points.map(\.service)
        let yMin = max(0, ((services.min() ?? 0) * 20).rounded(.down) / 20)
        let yMax = min(1, ((services.max() ?? 1) * 20).rounded(.up) / 20)
        let ySpan = max(yMax - yMin, 0.05)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ v: Double) -> Double { left + plotWidth * min(max(v, 0), xMax) / xMax }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - (min(max(v, yMin), yMin + ySpan) - yMin) / ySpan) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" id=\"working-capital-chart\""
        s += " aria-label=\"Inventory investment against service per ABC class\">"
        for k in 0...4 {
            let v = yMin + ySpan * Double(k) / 4
            s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#e3e7ee\"/>"
            s +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(Format.percent(v))</text>"
            let u = xMax * Double(k) / 4
            s +=
                "<text x=\"\(f(x(u)))\" y=\"\(f(height - 12))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6575\">\(Format.money(u))</text>"
        }
        for c in d.classes {
            let color = colors[c.class] ?? "#5b6575"
            let line = c.frontier.map { "\(f(x($0.investment))),\(f(y($0.service)))" }
            s +=
                "<polyline class=\"frontier\" data-class=\"\(c.class)\" points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            for p in c.frontier {
                s +=
                    "<circle cx=\"\(f(x(p.investment)))\" cy=\"\(f(y(p.service)))\" r=\"2.5\" fill=\"\(color)\"><title>\(c.class) at \(Format.percent(p.level)): \(Format.money(p.investment)) for \(Format.percent(p.service))</title></circle>"
            }
            s +=
                "<circle class=\"current\" cx=\"\(f(x(c.current.investment)))\" cy=\"\(f(y(c.current.service)))\" r=\"6\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"><title>\(c.class) today: \(Format.money(c.current.investment)) for \(Format.percent(c.current.service))</title></circle>"
            if let choice = d.target?.classes.first(where: { $0.class == c.class }) {
                s +=
                    "<circle class=\"choice\" cx=\"\(f(x(choice.point.investment)))\" cy=\"\(f(y(choice.point.service)))\" r=\"5\" fill=\"\(color)\"><title>\(c.class) for the target: \(Format.money(choice.point.investment)) for \(Format.percent(choice.point.service))</title></circle>"
            }
            if let last = c.frontier.last {
                s +=
                    "<text x=\"\(f(x(last.investment) + 6))\" y=\"\(f(y(last.service) + 4))\" font-size=\"12\" fill=\"\(color)\">\(c.class)</text>"
            }
        }
        s += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(yMin)))\" y2=\"\(f(y(yMin)))\" stroke=\"#5b6575\"/>"
        s += "</svg>"
        return s
    }
}
