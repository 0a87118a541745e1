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

    static func make(_ y: [Double], model name: ModelName, settings: ModelSettings, horizon: Int) throws(ForecastError) -> ForecastReport {
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
            for (i, v) in forecast.enumerated() { out += "\(i + 1),\(JSONText.number(v))\n" }
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
                    out += "  \(c.model.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(c.score.map { String($0) } ?? c.failure ?? "—")\n"
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
        var out = "{\"model\": \(JSONText.string(model))"
        if let method { out += ", \"method\": \(JSONText.string(method))" }
        out += ", \"params\": {"
        out += parameters.map { "\(JSONText.string($0.name)): \(JSONText.number($0.value))" }.joined(separator: ", ")
        out += "}, \"forecast\": [" + forecast.map(JSONText.number).joined(separator: ", ") + "]"
        out += ", \"fitted\": [" + fitted.map(JSONText.number).joined(separator: ", ") + "]"
        if let selection {
            out += ", \"selection\": {\"chosen\": " + (selection.chosen.map { JSONText.string($0.rawValue) } ?? "null")
            out += ", \"runner_up\": " + (selection.runnerUp.map { JSONText.string($0.rawValue) } ?? "null")
            out += ", \"pattern\": \(JSONText.string(selection.pattern.rawValue))"
            out += ", \"metric\": \(JSONText.string(selection.metric.rawValue))"
            out += ", \"fallback\": " + (selection.fallback.map { JSONText.string($0.rawValue) } ?? "null")
            out += ", \"flags\": [" + selection.flags.map { JSONText.string($0.rawValue) }.joined(separator: ", ") + "]"
            out += ", \"scores\": {"
            out += selection.candidates.map { "\(JSONText.string($0.model.rawValue)): \(JSONText.number($0.score ?? .nan))" }
                .joined(separator: ", ")
            out += "}}"
        }
        return out + "}\n"
    }
}

/// Minimal JSON text for numbers and strings (NaN and ±∞ as `null`, numbers round-trip exactly).
enum JSONText {
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) + ".0" }
        return "\(v)"
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
