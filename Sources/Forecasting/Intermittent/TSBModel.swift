/// Teunter–Syntetos–Babai (TSB): the demand probability is smoothed every period, the size only
/// when demand occurs.
///
/// `d_t = 1[y_t ≠ 0]`; `p̂` = SES(α_p) over all `d_t`; `ẑ` = SES(α_d) over the non-zero sizes (each
/// initialised with its first element); forecast `p̂ · ẑ`. Fitted values as statsforecast `TSB`.
/// With both weights `nil` they are chosen by bounded Nelder–Mead on the in-sample one-step SSE
/// over [0.01, 0.5]² (start 0.1, 0.1) — TSB's own paper leaves the choice open.
/// Teunter, Syntetos & Babai (2011), *EJOR* 214(3), 606–615, doi:10.1016/j.ejor.2011.05.018.
public struct TSBModel: ForecastModel, Hashable {
    /// Smoothing weight of the demand sizes, α_d; `nil` to fit.
    public var alphaDemand: Double?
    /// Smoothing weight of the demand probability, α_p; `nil` to fit.
    public var alphaProbability: Double?
    /// Search box of both weights when fitted.
    public static let searchBounds: ClosedRange<Double> = 0.01...0.5
    /// Nelder–Mead settings of the fit (default ``NelderMead/Configuration/fitting``).
    public var optimizer: NelderMead.Configuration

    /// Creates the model.
    public init(alphaDemand: Double? = nil, alphaProbability: Double? = nil, optimizer: NelderMead.Configuration = .fitting) {
        self.alphaDemand = alphaDemand
        self.alphaProbability = alphaProbability
        self.optimizer = optimizer
    }

    public var name: ModelName { .tsb }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validateNonNegative(y, model: name)
        for (label, value) in [("alpha-d", alphaDemand), ("alpha-p", alphaProbability)] {
            if let value, !(value > 0 && value <= 1) { throw .parameter(name, label, value, expected: "a number in (0, 1]") }
        }
        guard y.contains(where: { $0 != 0 }) else { return IntermittentSeries.zeroFit(name, y.count, options: options) }
        var ad = alphaDemand ?? 0.1
        var ap = alphaProbability ?? 0.1
        if alphaDemand == nil || alphaProbability == nil {
            let free = (alphaDemand == nil, alphaProbability == nil)
            var x0: [Double] = []
            if free.0 { x0.append(ad) }
            if free.1 { x0.append(ap) }
            let b = Self.searchBounds
            let result = y.withBuffer { buffer in
                NelderMead.minimize(
                    x0, lower: Array(repeating: b.lowerBound, count: x0.count),
                    upper: Array(repeating: b.upperBound, count: x0.count), configuration: optimizer
                ) { x in
                    let d = free.0 ? x[0] : ad
                    let p = free.1 ? x[x.count - 1] : ap
                    return Self.sse(buffer, alphaDemand: d, alphaProbability: p)
                }
            }
            if free.0 { ad = result.x[0] }
            if free.1 { ap = result.x[result.x.count - 1] }
        }
        return filter(y, alphaDemand: ad, alphaProbability: ap, options: options)
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validateNonNegative(y, model: name)
        guard y.contains(where: { $0 != 0 }) else { return IntermittentSeries.zeroFit(name, y.count, options: options) }
        return filter(
            y, alphaDemand: fit.parameters["alpha_d"] ?? alphaDemand ?? 0.1,
            alphaProbability: fit.parameters["alpha_p"] ?? alphaProbability ?? 0.1, options: options)
    }

    private func filter(_ y: [Double], alphaDemand ad: Double, alphaProbability ap: Double, options: FitOptions) -> FittedForecast
    {
        let sizes = IntermittentSeries.sizes(y)
        let occurrence = y.map { $0 != 0 ? 1.0 : 0.0 }
        let params = ModelParameters(["alpha_d": ad, "alpha_p": ap])
        guard options.fittedValues else {
            let p = occurrence.withBuffer { SESKernel.forecast(alpha: ap, $0) }
            let z = sizes.withBuffer { SESKernel.forecast(alpha: ad, $0) }
            return FittedForecast(model: name, parameters: params, fitted: [], path: .constant(p * z))
        }
        let (p, pFitted) = occurrence.withBuffer { SESKernel.forecastAndFitted(alpha: ap, $0) }
        let (z, zFitted) = sizes.withBuffer { SESKernel.forecastAndFitted(alpha: ad, $0) }
        let zExpanded = IntermittentSeries.expandDemand(zFitted + [z], y)
        return FittedForecast(
            model: name, parameters: params, fitted: zip(pFitted, zExpanded).map { $0 * $1 }, path: .constant(p * z))
    }

    /// In-sample one-step SSE of TSB over t = 1…n−1, in one pass without allocation: the same
    /// recursions as the fitted values (probability level from `d_0`; size level from the first
    /// demand, 0 before it).
    static func sse(_ y: UnsafeBufferPointer<Double>, alphaDemand ad: Double, alphaProbability ap: Double) -> Double {
        guard y.count >= 2 else { return 0 }
        var p = y[0] != 0 ? 1.0 : 0.0
        var z = 0.0
        var seen = false
        var sse = 0.0
        for t in 1..<y.count {
            let previous = y[t - 1]
            if t >= 2 { p = ap * (y[t - 1] != 0 ? 1.0 : 0.0) + (1.0 - ap) * p }
            if previous > 0 {
                z = seen ? ad * previous + (1.0 - ad) * z : previous
                seen = true
            }
            let e = y[t] - p * z
            sse += e * e
        }
        return sse
    }
}
