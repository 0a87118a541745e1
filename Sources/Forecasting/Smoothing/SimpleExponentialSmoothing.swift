/// Simple exponential smoothing (SES): level `ℓ_t = α y_t + (1 − α) ℓ_{t−1}`, flat forecast
/// `ŷ_{n+h} = ℓ_n`. Initialisation as statsforecast: `ℓ_0 = y_0`, so `fitted[1] = y_0` and
/// `fitted[0]` = NaN.
///
/// With ``alpha`` `nil`, α is chosen by golden-section search minimising the in-sample one-step
/// SSE over [0.01, 0.99] (statsforecast 2.1.1 `SimpleExponentialSmoothingOptimized`).
/// Hyndman & Athanasopoulos, FPP3 §8.1, eq. (8.1)–(8.2).
public struct SimpleExponentialSmoothing: ForecastModel, Hashable {
    /// Smoothing weight α ∈ (0, 1]; `nil` to fit it.
    public var alpha: Double?
    /// Search interval for α when fitted (statsforecast: [0.01, 0.99]).
    public static let searchBounds: ClosedRange<Double> = 0.01...0.99

    /// Creates the model.
    public init(alpha: Double? = nil) {
        self.alpha = alpha
    }

    public var name: ModelName { .ses }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        if let alpha, !(alpha > 0 && alpha <= 1) {
            throw .parameter(name, "alpha", alpha, expected: "a number in (0, 1]")
        }
        let a =
            alpha
            ?? y.withBuffer {
                SESKernel.goldenSection(
                    $0, lower: Self.searchBounds.lowerBound, upper: Self.searchBounds.upperBound,
                    tolerance: options.goldenTolerance)
            }
        return Self.filter(y, alpha: a, options: options)
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        return Self.filter(y, alpha: fit.parameters["alpha"] ?? alpha ?? 0.1, options: options)
    }

    static func filter(_ y: [Double], alpha: Double, options: FitOptions) -> FittedForecast {
        let params = ModelParameters(["alpha": alpha])
        if options.fittedValues {
            let (f, fitted) = y.withBuffer { SESKernel.forecastAndFitted(alpha: alpha, $0) }
            return FittedForecast(model: .ses, parameters: params, fitted: fitted, path: .constant(f))
        }
        let f = y.withBuffer { SESKernel.forecast(alpha: alpha, $0) }
        return FittedForecast(model: .ses, parameters: params, fitted: [], path: .constant(f))
    }
}
