import Forecasting
import InventoryCore
import ProcuraTestSupport
import Testing

/// The series of `forecast_series.json`, by id, with their season lengths.
struct ReferenceSeries {
    var y: [Double]
    var seasonLength: Int

    static func all() throws -> [String: ReferenceSeries] {
        var out: [String: ReferenceSeries] = [:]
        for c in try ReferenceFile("forecast_series.json").cases {
            out[c["id"].string ?? ""] = ReferenceSeries(y: c["y"].doubles, seasonLength: c["season_length"].int ?? 1)
        }
        return out
    }
}

/// The Procura model for a model label of `forecast_statsforecast.json` (the same mapping as
/// `check-references`), or nil when the label is not one of ours.
func procuraModel(forStatsforecast label: String, params: JSONValue, seasonLength m: Int) -> (any ForecastModel)? {
    if label.hasPrefix("SES_alpha") { return SimpleExponentialSmoothing(alpha: params["alpha"].double) }
    if label.hasPrefix("TSB") {
        return TSBModel(alphaDemand: params["alpha_d"].double, alphaProbability: params["alpha_p"].double)
    }
    if label.hasPrefix("WindowAverage") { return MovingAverageModel(window: params["window_size"].int ?? 0) }
    if label.hasPrefix("AutoETS") {
        return ExponentialSmoothingModel(family: .ets, seasonLength: params["season_length"].int ?? 1)
    }
    switch label {
    case "SESOpt": return SimpleExponentialSmoothing()
    case "CrostonClassic": return CrostonModel(variant: .classic)
    case "CrostonSBA": return CrostonModel(variant: .sba)
    case "CrostonOptimized": return CrostonModel(variant: .optimized)
    case "Naive": return NaiveModel()
    case "HistoricAverage": return HistoricAverageModel()
    case "SeasonalNaive": return SeasonalNaiveModel(seasonLength: params["season_length"].int ?? m)
    case "ADIDA": return ADIDAModel()
    case "IMAPA": return IMAPAModel()
    case "Holt": return ExponentialSmoothingModel(family: .holt)
    case "HoltWinters":
        return ExponentialSmoothingModel(family: .holtWinters(.additive), seasonLength: params["season_length"].int ?? m)
    default: return nil
    }
}

/// The model for a case of `statsforecast_fitted.json` (Procura CLI names and flags).
func procuraModel(named name: String, params: JSONValue) throws -> any ForecastModel {
    let settings = ModelSettings(
        alpha: params["alpha"].isNull ? nil : params["alpha"].double,
        seasonLength: params["season_length"].int,
        seasonal: params["seasonal"].string == "multiplicative" ? .multiplicative : nil,
        alphaDemand: params["alpha_d"].isNull ? nil : params["alpha_d"].double,
        alphaProbability: params["alpha_p"].isNull ? nil : params["alpha_p"].double)
    return try settings.model(try #require(ModelName(rawValue: name)))
}
