/// A forecasting model: a value that holds the model's settings (fixed parameters, window, season
/// length) and fits them to a series.
///
/// Fitting and re-applying are two operations (STYLE.md): ``fit(_:options:)`` chooses the free
/// parameters and filters the series; ``apply(_:to:options:)`` filters another series (e.g. a
/// longer or shorter prefix of the same one) with the parameters of an earlier fit, without
/// estimating again — what a rolling-origin evaluation needs.
public protocol ForecastModel: Sendable {
    /// The model's CLI name.
    var name: ModelName { get }

    /// Chooses the free parameters for `y` and returns the fitted model.
    func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast

    /// Filters `y` with the parameters of `fit` (no estimation).
    func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast

    /// Rolling origin without re-estimation: for every origin `o` in `origins` (1 ≤ o ≤ y.count),
    /// the forecasts for steps 1…`horizon` made from `y[0..<o]` with the parameters of `fit`;
    /// row-major, `origins.count × horizon`. The same numbers as ``apply(_:to:options:)`` on each
    /// prefix, which the default implementation calls; models with a recursive state override it
    /// with one pass over the series.
    func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int) throws(ForecastError)
        -> [Double]
}

extension ForecastModel {
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
    }

    /// Fits with the default options (fitted values included, reference optimiser tolerances).
    public func fit(_ y: [Double]) throws(ForecastError) -> FittedForecast {
        try fit(y, options: FitOptions())
    }
}

/// Options of a fit that do not change the model.
public struct FitOptions: Hashable, Sendable {
    /// Whether to compute the in-sample one-step forecasts (``FittedForecast/fitted``).
    /// Some are costly (optimised Croston re-fits every prefix); selection leaves them out.
    public var fittedValues: Bool
    /// Convergence tolerance of one-dimensional searches (golden section on α). `nil` uses
    /// statsforecast's 1e-12; the automatic selection uses 1e-4, which changes α by less than
    /// that and the forecast by far less than its noise.
    public var searchTolerance: Double?

    /// Creates options.
    public init(fittedValues: Bool = true, searchTolerance: Double? = nil) {
        self.fittedValues = fittedValues
        self.searchTolerance = searchTolerance
    }

    /// The tolerance to use for golden-section searches.
    var goldenTolerance: Double { searchTolerance ?? 1e-12 }
}
