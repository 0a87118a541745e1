/// The naive method: every forecast is the last observation, `ŷ_{n+h} = y_n`; fitted `ŷ_t = y_{t−1}`
/// (NaN at t = 0). Hyndman & Athanasopoulos, FPP3 §5.2; statsforecast `Naive`.
public struct NaiveModel: ForecastModel, Hashable {
    /// Creates the model.
    public init() {}

    public var name: ModelName { .naive }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        var fitted: [Double] = []
        if options.fittedValues {
            fitted = [.nan] + y.dropLast()
        }
        return FittedForecast(model: name, parameters: ModelParameters(), fitted: fitted, path: .constant(y[y.count - 1]))
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try self.fit(y, options: options)
    }
}
