/// A model fitted to one series: its parameters, its in-sample one-step forecasts and the way it
/// extends into the future.
public struct FittedForecast: Sendable {
    /// The model.
    public var model: ModelName
    /// The parameters, fixed or estimated (smoothing weights, window, initial states, …).
    public var parameters: ModelParameters
    /// In-sample one-step-ahead forecasts, one per observation; NaN where the model has no
    /// forecast yet (statsforecast's `fitted` convention). Empty when not requested.
    public var fitted: [Double]
    /// How the model extends into the future.
    public var path: ForecastPath
    /// The model form, where the model family has several (`ETS(A,Ad,N)`); `nil` otherwise.
    public var method: String?
    /// Fit statistics where the model has them (`aicc`, `sigma2`, `loglik` for ETS).
    public var statistics: ModelParameters

    /// Creates a fitted model.
    public init(
        model: ModelName, parameters: ModelParameters, fitted: [Double], path: ForecastPath, method: String? = nil,
        statistics: ModelParameters = ModelParameters()
    ) {
        self.model = model
        self.parameters = parameters
        self.fitted = fitted
        self.path = path
        self.method = method
        self.statistics = statistics
    }

    /// The point forecasts for horizons 1…`h`.
    public func forecast(h: Int) -> [Double] { path.forecast(h: h) }

    /// The one-step in-sample errors `y_t − ŷ_t` where the fitted value exists (NaN elsewhere).
    public func residuals(_ y: [Double]) -> [Double] {
        guard fitted.count == y.count else { return [] }
        return zip(y, fitted).map { $0 - $1 }
    }
}
