/// Croston's method and its variants for intermittent demand.
///
/// The series is split into the non-zero demand sizes `z_j` and the intervals `p_j` between them
/// (the first counted from the start of the series); each is smoothed by SES initialised with its
/// first element, and the forecast per period is `ẑ / p̂` (`ẑ` alone when `p̂ = 0`).
/// - ``Variant/classic``: α = 0.1 for both (Croston 1972, *Operational Research Quarterly* 23(3),
///   289–303, doi:10.2307/3007885).
/// - ``Variant/sba``: the Syntetos–Boylan approximation, `(1 − α/2) ẑ / p̂` = 0.95 × Croston
///   (Syntetos & Boylan 2005, *IJF* 21(2), 303–314, doi:10.1016/j.ijforecast.2004.10.001).
/// - ``Variant/optimized``: α for sizes and for intervals each chosen by golden-section search on
///   the in-sample SSE over [0.1, 0.3] (statsforecast `CrostonOptimized`).
///
/// Without any demand the forecast is the naive one (statsforecast).
public struct CrostonModel: ForecastModel, Hashable {
    /// Which Croston variant.
    public enum Variant: String, Sendable, Hashable, CaseIterable {
        case classic, sba, optimized
    }

    /// The variant.
    public var variant: Variant
    /// Smoothing weight of the classic and SBA variants (statsforecast: 0.1).
    public var alpha: Double
    /// Search interval of the optimised variant.
    public static let searchBounds: ClosedRange<Double> = 0.1...0.3

    /// Creates the model.
    public init(variant: Variant = .classic, alpha: Double = 0.1) {
        self.variant = variant
        self.alpha = alpha
    }

    public var name: ModelName {
        switch variant {
        case .classic: .croston
        case .sba: .crostonSBA
        case .optimized: .crostonOptimized
        }
    }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validateNonNegative(y, model: name)
        guard alpha > 0 && alpha <= 1 else { throw .parameter(name, "alpha", alpha, expected: "a number in (0, 1]") }
        let sizes = IntermittentSeries.sizes(y)
        let intervals = IntermittentSeries.intervals(y)
        guard !sizes.isEmpty else {
            var fit = try NaiveModel().fit(y, options: options)
            fit.model = name
            return fit
        }
        let alphas: (size: Double, interval: Double)
        switch variant {
        case .classic, .sba:
            alphas = (alpha, alpha)
        case .optimized:
            let tol = options.goldenTolerance
            let b = Self.searchBounds
            alphas = (
                sizes.withBuffer { SESKernel.goldenSection($0, lower: b.lowerBound, upper: b.upperBound, tolerance: tol) },
                intervals.withBuffer { SESKernel.goldenSection($0, lower: b.lowerBound, upper: b.upperBound, tolerance: tol) }
            )
        }
        return filter(y, sizes: sizes, intervals: intervals, alphas: alphas, options: options)
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        guard variant == .optimized, let a = fit.parameters["alpha_size"], let b = fit.parameters["alpha_interval"] else {
            return try self.fit(y, options: options)
        }
        try ForecastError.validateNonNegative(y, model: name)
        let sizes = IntermittentSeries.sizes(y)
        guard !sizes.isEmpty else { return try self.fit(y, options: options) }
        return filter(y, sizes: sizes, intervals: IntermittentSeries.intervals(y), alphas: (a, b), options: options)
    }

    private func filter(
        _ y: [Double], sizes: [Double], intervals: [Double], alphas: (size: Double, interval: Double), options: FitOptions
    ) -> FittedForecast {
        let factor = variant == .sba ? 0.95 : 1.0
        let zHat = sizes.withBuffer { SESKernel.forecast(alpha: alphas.size, $0) }
        let pHat = intervals.withBuffer { SESKernel.forecast(alpha: alphas.interval, $0) }
        var mean = pHat != 0 ? zHat / pHat : zHat
        mean *= factor
        let parameters: ModelParameters =
            variant == .optimized
            ? ModelParameters(["alpha_size": alphas.size, "alpha_interval": alphas.interval])
            : ModelParameters(["alpha": alphas.size])
        var fitted: [Double] = []
        if options.fittedValues {
            fitted = fittedValues(y, sizes: sizes, intervals: intervals, alphas: alphas, forecasts: (zHat, pHat))
            if factor != 1 { fitted = fitted.map { $0 * factor } }
        }
        return FittedForecast(model: name, parameters: parameters, fitted: fitted, path: .constant(mean))
    }

    /// statsforecast's fitted values: the size and interval estimates known before each period,
    /// expanded over the periods, divided. The optimised variant re-optimises α on every prefix.
    private func fittedValues(
        _ y: [Double], sizes: [Double], intervals: [Double], alphas: (size: Double, interval: Double),
        forecasts: (Double, Double)
    ) -> [Double] {
        var zf: [Double]
        var pf: [Double]
        if variant == .optimized {
            let b = Self.searchBounds
            func optimisedPrefixForecasts(_ x: [Double], replacingZero: Bool) -> [Double] {
                var out = [Double](repeating: .nan, count: x.count + 1)
                x.withBuffer { buffer in
                    for i in 0..<x.count {
                        let prefix = UnsafeBufferPointer(rebasing: buffer[0...i])
                        let a = SESKernel.goldenSection(prefix, lower: b.lowerBound, upper: b.upperBound)
                        var f = SESKernel.forecast(alpha: a, prefix)
                        if replacingZero && f == 0 { f = 1 }
                        out[i + 1] = f
                    }
                }
                return out
            }
            zf = optimisedPrefixForecasts(sizes, replacingZero: false)
            pf = optimisedPrefixForecasts(intervals, replacingZero: true)
        } else {
            zf = sizes.withBuffer { SESKernel.forecastAndFitted(alpha: alphas.size, $0).fitted } + [forecasts.0]
            pf = intervals.withBuffer { SESKernel.forecastAndFitted(alpha: alphas.interval, $0).fitted } + [forecasts.1]
        }
        let z = IntermittentSeries.expandDemand(zf, y)
        let p = IntermittentSeries.expandIntervals(pf, y)
        return zip(z, p).map { $0 / $1 }
    }
}
