/// The moving average: every forecast is the mean of the last `window` observations,
/// `ŷ_{n+h} = (1/w) Σ_{i=0}^{w−1} y_{n−i}` (statsforecast `WindowAverage`). Fitted values are the
/// trailing means `ŷ_t = (1/w) Σ_{i=1}^{w} y_{t−i}`, NaN for t < w (statsforecast has none).
public struct MovingAverageModel: ForecastModel, Hashable {
    /// Number of observations averaged, w ≥ 1.
    public var window: Int

    /// Creates the model.
    public init(window: Int) {
        self.window = window
    }

    public var name: ModelName { .movingAverage }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        let w = window
        guard w >= 1 else { throw .parameter(name, "window", Double(w), expected: "an integer ≥ 1") }
        guard y.count >= w else {
            throw ForecastError(
                .seriesTooShort,
                "moving-average: the series has \(y.count) values, fewer than the window (\(w)) — use --window \(y.count) or less"
            )
        }
        var sum = 0.0
        for v in y[(y.count - w)...] { sum += v }
        var fitted: [Double] = []
        if options.fittedValues {
            fitted = [Double](repeating: .nan, count: y.count)
            for t in stride(from: w, to: y.count, by: 1) {
                var s = 0.0
                for v in y[(t - w)..<t] { s += v }
                fitted[t] = s / Double(w)
            }
        }
        return FittedForecast(
            model: name, parameters: ModelParameters(["window": Double(w)]), fitted: fitted, path: .constant(sum / Double(w)))
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try self.fit(y, options: options)
    }
}
