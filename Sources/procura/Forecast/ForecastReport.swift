import Forecasting
import Foundation
import InventoryCore

/// What `procura forecast --series` prints: the model, its parameters, the forecast and the fitted values.
struct ForecastReport {
    var model: String
    var method: String?
    var parameters: ModelParameters
    var forecast: [Double]
    var fitted: [Double]
    var selection: SelectionResult?

    static func make(_ y: [Double], model name: ModelName, settings: ModelSettings, horizon: Int) throws(ForecastError)
        -> ForecastReport
    {
        if name == .auto {
            var configuration = AutoSelector.Configuration()
            if let m = settings.seasonLength { configuration.seasonLength = m }
            configuration.fittedValues = true
            let selector = AutoSelector(configuration: configuration)
            let result = try selector.select(y)
            let fit = result.fit
            return ForecastReport(
                model: name.rawValue, method: fit.method, parameters: fit.parameters, forecast: result.forecast(h: horizon),
                fitted: fit.fitted, selection: result)
        }
        let fit = try settings.model(name).fit(y)
        return ForecastReport(
            model: name.rawValue, method: fit.method, parameters: fit.parameters, forecast: fit.forecast(h: horizon),
            fitted: fit.fitted, selection: nil)
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return json()
        case .csv:
            var out = "h,forecast\n"
            for (i, v) in forecast.enumerated() { out += "\(i + 1),\(NumberFormat.csv(v))\n" }
            return out
        case .table:
            var out = "model: \(model)"
            if let selection { out += " → \(selection.chosen?.rawValue ?? selection.fallback?.rawValue ?? "none")" }
            if let method { out += " \(method)" }
            out += "\n"
            for p in parameters { out += "  \(p.name) = \(p.value)\n" }
            if let selection {
                out += "candidates (\(selection.metric.rawValue) on rolling-origin holdout):\n"
                for c in selection.candidates {
                    out +=
                        "  \(c.model.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(c.score.map { String($0) } ?? c.failure ?? "—")\n"
                }
            }
            out += "   h  forecast\n"
            for (i, v) in forecast.enumerated() {
                out += String(i + 1).leftPadded(4) + "  " + String(v) + "\n"
            }
            return out
        }
    }

    private func json() -> String {
        var members: [(String, JSONValue)] = [("model", .string(model))]
        if let method { members.append(("method", .string(method))) }
        members.append(("params", .object(parameters.map { ($0.name, .number($0.value)) })))
        members.append(("forecast", .array(forecast.map { .number($0) })))
        members.append(("fitted", .array(fitted.map { .number($0) })))
        if let selection {
            members.append(
                (
                    "selection",
                    .object([
                        ("chosen", selection.chosen.map { .string($0.rawValue) } ?? .null),
                        ("runner_up", selection.runnerUp.map { .string($0.rawValue) } ?? .null),
                        ("pattern", .string(selection.pattern.rawValue)),
                        ("metric", .string(selection.metric.rawValue)),
                        ("fallback", selection.fallback.map { .string($0.rawValue) } ?? .null),
                        ("flags", .array(selection.flags.map { .string($0.rawValue) })),
                        ("scores", .object(selection.candidates.map { ($0.model.rawValue, .number($0.score)) })),
                    ])
                ))
        }
        return JSONValue.object(members).compact + "\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
