import Foundation
import Planning

/// The back-test chart of one item-location as inline SVG (no scripts): simulated on hand at the
/// end of each period against the stock the history records on the period's last day, with the
/// policy's maximum as a dashed line.
enum BacktestChart {
    static func svg(_ trace: PolicyBacktestTrace) -> String {
        let periods = trace.periods
        guard !periods.isEmpty else { return "<p>No periods in this window.</p>" }
        let peak = max(
            periods.map(\.simulatedOnHand).max() ?? 0, periods.compactMap(\.recordedOnHand).max() ?? 0, trace.line.maximum)
        let frame = ChartFrame(height: 260, count: periods.count, peak: peak)
        let f = ChartFrame.f
        var s = frame.open(id: "backtest-chart", label: "Simulated against recorded stock on hand at the end of each period")
        let simulated = periods.enumerated().map { "\(f(frame.x($0))),\(f(frame.y($1.simulatedOnHand)))" }
        s +=
            "<polyline fill=\"none\" stroke=\"\(StockChart.colours[0])\" stroke-width=\"1.5\" points=\"\(simulated.joined(separator: " "))\"/>"
        s += frame.legend("simulated on hand", index: 0, colour: StockChart.colours[0])
        // The recorded stock, in runs of periods the history records.
        var runs: [[String]] = [[]]
        for (k, p) in periods.enumerated() {
            if let v = p.recordedOnHand {
                runs[runs.count - 1].append("\(f(frame.x(k))),\(f(frame.y(v)))")
            } else if !(runs.last ?? []).isEmpty {
                runs.append([])
            }
        }
        for run in runs where !run.isEmpty {
            s +=
                run.count == 1
                ? "<circle r=\"2\" fill=\"\(StockChart.colours[1])\" cx=\"\(run[0].split(separator: ",")[0])\" cy=\"\(run[0].split(separator: ",")[1])\"/>"
                : "<polyline fill=\"none\" stroke=\"\(StockChart.colours[1])\" stroke-width=\"1.5\" points=\"\(run.joined(separator: " "))\"/>"
        }
        s += frame.legend("recorded on hand", index: 1, colour: StockChart.colours[1])
        let y = f(frame.y(trace.line.maximum))
        s +=
            "<line x1=\"\(f(ChartFrame.left))\" x2=\"\(f(ChartFrame.width - ChartFrame.right))\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"\(StockChart.colours[2])\" stroke-dasharray=\"4 3\"/>"
        s += frame.legend("policy maximum", index: 2, colour: StockChart.colours[2])
        return s + frame.close(first: periods.first?.start ?? "", last: periods.last?.end ?? "")
    }
}
