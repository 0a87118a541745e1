/// The mean method: every forecast is the mean of the history, `ŷ = (1/n) Σ y_t`. Fitted values
/// follow statsforecast `HistoricAverage`: the same overall mean at every t (not a one-step
/// forecast). Hyndman & Athanasopoulos, FPP3 §5.2.
public struct HistoricAverageModel: ForecastModel, Hashable {
    /// Creates the model.
    public init() {}

    public var name: ModelName { .historicAverage }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        let mean = y.reduce(0, +) / Double(y.count)
        return FittedForecast(
            model: name, parameters: ModelParameters(),
            fitted: options.fittedValues ? Array(repeating: mean, count: y.count) : [],
            path: .constant(mean))
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try self.fit(y, options: options)
    }
}
