public import Forecasting

/// Which model a forecast or backtest uses: the automatic selection, or one named model with the
/// user's settings for every item-location.
public enum ForecastModelChoice: Sendable, Hashable {
    /// ``Forecasting/AutoSelector``: candidates by demand pattern, scored on a rolling-origin holdout.
    case auto
    /// One model for every item-location (`--model ses --alpha 0.2`).
    case named(ModelName, ModelSettings)

    /// The CLI name (`auto`, `ses`, …).
    public var name: String {
        switch self {
        case .auto: return ModelName.auto.rawValue
        case .named(let name, _): return name.rawValue
        }
    }

    /// A choice from a CLI name and model flags. `moving-average` without a window uses
    /// `defaultWindow`, `seasonal-naive` and `holt-winters` without a season length use
    /// `defaultSeasonLength` (the data set's settings). Throws for unknown names and flags that do
    /// not apply.
    public static func parse(
        _ text: String, settings: ModelSettings = ModelSettings(), defaultWindow: Int, defaultSeasonLength: Int
    ) throws(ForecastRunError) -> ForecastModelChoice {
        guard let name = ModelName(rawValue: text.lowercased()) else {
            throw ForecastRunError(
                .invalidModel,
                "--model '\(text)' — expected auto or one of "
                    + ModelName.allCases.filter { $0 != .auto }.map(\.rawValue).joined(separator: ", "))
        }
        if name == .auto {
            if let flag = settings.givenFlags.first {
                throw ForecastRunError(
                    .invalidModel, "--\(flag) does not apply to auto (the selection fits its candidates itself)")
            }
            return .auto
        }
        var settings = settings
        if name == .movingAverage, settings.window == nil { settings.window = defaultWindow }
        if name == .seasonalNaive || name == .holtWinters, settings.seasonLength == nil {
            settings.seasonLength = defaultSeasonLength
        }
        do {
            _ = try settings.model(name)
        } catch {
            throw ForecastRunError(.invalidModel, error.message)
        }
        return .named(name, settings)
    }

    /// The model of a named choice (`nil` for auto).
    func model() -> (any ForecastModel)? {
        guard case .named(let name, let settings) = self else { return nil }
        return try? settings.model(name)
    }
}
