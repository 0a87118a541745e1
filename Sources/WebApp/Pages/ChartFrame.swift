import Foundation

/// The frame the pages' line charts share (stock over time, KPI trends): the SVG element, the
/// scale from points and values to coordinates, the five horizontal grid lines with their values,
/// and the first and last label under the x axis.
struct ChartFrame {
    static let width = 900.0
    static let left = 56.0
    static let right = 12.0
    static let top = 12.0
    static let bottom = 30.0

    /// Height of the whole chart.
    let height: Double
    /// Points along the x axis.
    let count: Int
    /// The top of the y axis (a nice ceiling of the largest value).
    let yMax: Double

    init(height: Double, count: Int, peak: Double) {
        self.height = height
        self.count = count
        self.yMax = DemandChart.niceCeiling(max(peak, 1e-9))
    }

    func x(_ i: Int) -> Double {
        Self.left + (Self.width - Self.left - Self.right) * (count > 1 ? Double(i) / Double(count - 1) : 0.5)
    }

    func y(_ v: Double) -> Double { Self.top + (height - Self.top - Self.bottom) * (1 - min(max(v, 0), yMax) / yMax) }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// The opening `<svg>` tag and the grid.
    func open(id: String, label: String) -> String {
        let f = Self.f
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(Self.width)) \(f(height))\" role=\"img\" id=\"\(id)\" aria-label=\"\(DemandChart.escape(label))\">"
        for k in 0...4 {
            let v = yMax * Double(k) / 4
            s +=
                "<line x1=\"\(f(Self.left))\" x2=\"\(f(Self.width - Self.right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#e3e7ee\"/>"
            s +=
                "<text x=\"\(f(Self.left - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(Format.number(v))</text>"
        }
        return s
    }

    /// A series' name in the legend, the `index`-th line from the top.
    func legend(_ name: String, index: Int, colour: String) -> String {
        "<text x=\"\(Self.f(Self.left + 8))\" y=\"\(Self.f(Self.top + 14 + Double(index) * 14))\" font-size=\"11\" fill=\"\(colour)\">\(DemandChart.escape(name))</text>"
    }

    /// The first and last x labels and the closing tag.
    func close(first: String, last: String) -> String {
        let f = Self.f
        return
            "<text x=\"\(f(Self.left))\" y=\"\(f(height - 8))\" font-size=\"11\" fill=\"#5b6575\">\(DemandChart.escape(first))</text>"
            + "<text x=\"\(f(Self.width - Self.right))\" y=\"\(f(height - 8))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6575\">\(DemandChart.escape(last))</text></svg>"
    }
}
