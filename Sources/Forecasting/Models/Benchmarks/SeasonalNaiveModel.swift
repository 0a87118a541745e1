/// The seasonal naive method: `ŷ_{n+h} = y_{n − m + ((h − 1) mod m) + 1}` — the value of the same
/// season one cycle earlier (statsforecast `SeasonalNaive`: `forecast[h] = y[n − m + (h mod m)]`,
/// h = 0…H−1); fitted `ŷ_t = y_{t−m}` (NaN for t < m). Hyndman & Athanasopoulos, FPP3 §5.2.
public struct SeasonalNaiveModel: ForecastModel, Hashable {
    /// Season length m ≥ 1.
    public var seasonLength: Int

    /// Creates the model.
    public init(seasonLength: Int) {
        self.seasonLength = seasonLength
    }

    public var name: ModelName { .seasonalNaive }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        let m = seasonLength
        guard m >= 1 else { throw .parameter(name, "season length", Double(m), expected: "an integer ≥ 1") }
        guard y.count >= m else {
            throw ForecastError(
                .seriesTooShort,
                "seasonal-naive: the series has \(y.count) values, fewer than one season (\(m)) — use a shorter season length or more history"
            )
        }
        var fitted: [Double] = []
        if options.fittedValues {
            fitted = (0..<y.count).map { $0 >= m ? y[$0 - m] : .nan }
        }
        return FittedForecast(
            model: name, parameters: ModelParameters(["season_length": Double(m)]), fitted: fitted,
            path: .cycle(Array(y[(y.count - m)...])))
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try self.fit(y, options: options)
    }
}
