/// Automatic ETS: fits every admissible model of a search space by maximum likelihood and keeps
/// the one with the smallest AICc (statsforecast 2.1.1 `ets_f` / `AutoETS`, a port of R
/// forecast's `ets()`).
///
/// Rules, as statsforecast:
/// - error ∈ {A, M}, trend ∈ {N, A}, season ∈ {N, A, M}, damped ∈ {yes, no} where free; no damped
///   model without trend; no seasonal model when m = 1 or n ≤ m; the "restricted" forms
///   (additive error with multiplicative season) are skipped; multiplicative error or season
///   only for strictly positive data.
/// - A constant series gets ETS(A,N,N) with α = 0.9999.
/// - Models are tried in the order error, trend, season, damped (damped first) and the bounds
///   tightened by each start carry over to the next (statsforecast shares one array).
/// - Series with n ≤ (number of parameters of the requested form) + 4 are refused.
///
/// Hyndman & Khandakar (2008), *JSS* 27(3), §2–3, doi:10.18637/jss.v027.i03; Hyndman et al. (2008),
/// *Forecasting with Exponential Smoothing*, §7.1 (model selection by AICc).
public struct AutoETS: Sendable, Hashable {
    /// Season length m (1 for none).
    public var seasonLength: Int
    /// The forms to try.
    public var searchSpace: ETSSearchSpace
    /// Fixed smoothing parameters (`nil` = estimate).
    public var fixed: ETSSmoothingParameters
    /// Nelder–Mead settings.
    public var configuration: NelderMead.Configuration
    /// Whether the initial states are estimated with the smoothing parameters (statsforecast) or
    /// kept at their heuristic start (see ``ExponentialSmoothingModel/Estimation``).
    public var optimiseStates: Bool

    /// Creates the search.
    public init(
        seasonLength: Int = 1, searchSpace: ETSSearchSpace = .all, fixed: ETSSmoothingParameters = ETSSmoothingParameters(),
        configuration: NelderMead.Configuration = .statsforecastETS, optimiseStates: Bool = true
    ) {
        self.optimiseStates = optimiseStates
        self.seasonLength = seasonLength
        self.searchSpace = searchSpace
        self.fixed = fixed
        self.configuration = configuration
    }

    /// Fits the models and returns the one with the smallest AICc.
    public func fit(_ y: [Double]) throws(ForecastError) -> ETSFit {
        try ForecastError.validate(y, model: .ets)
        var bounds = ETSParameterBounds()
        if let first = y.first, y.allSatisfy({ $0 == first }) {
            let spec = ETSSpecification(error: .additive, trend: .none, season: .none)
            var fixedConstant = fixed
            fixedConstant.alpha = 0.9999
            guard let fit = try ETSEstimator.fit(y, m: 1, specification: spec, fixed: fixedConstant, bounds: &bounds) else {
                throw tooShort(y.count, minimum: 3)
            }
            return fit
        }
        let m = seasonLength
        guard m >= 1 else { throw .parameter(.ets, "season length", Double(m), expected: "an integer ≥ 1") }
        var season = searchSpace.season
        if y.count <= m { season = ETSSpecification.Component.none }
        if m == 1 {
            if let s = season, s != .none {
                throw ForecastError(
                    .invalidParameter,
                    "\(searchSpace == .holtWintersAdditive || searchSpace == .holtWintersMultiplicative ? "holt-winters" : "ets"): a seasonal model needs --season-length ≥ 2"
                )
            }
            season = ETSSpecification.Component.none
        }
        let positive = y.allSatisfy { $0 > 0 }
        if searchSpace.error == .multiplicative || season == .multiplicative, !positive {
            throw ForecastError(
                .notPositive, "ets: multiplicative error or seasonality needs every value > 0 — use the additive form")
        }
        var parameterCount = 2
        if searchSpace.trend == .additive || searchSpace.trend == .multiplicative { parameterCount += 2 }
        if season == .additive || season == .multiplicative { parameterCount += 2 }
        if searchSpace.damped == true { parameterCount += 1 }
        guard y.count > parameterCount + 4 else { throw tooShort(y.count, minimum: parameterCount + 5) }

        let errors: [ETSSpecification.Component] = searchSpace.error.map { [$0] } ?? [.additive, .multiplicative]
        let trends: [ETSSpecification.Component] = searchSpace.trend.map { [$0] } ?? [.none, .additive]
        let seasons: [ETSSpecification.Component] = season.map { [$0] } ?? [.none, .additive, .multiplicative]
        let dampings: [Bool] = searchSpace.damped.map { [$0] } ?? [true, false]
        var best: ETSFit?
        for e in errors {
            for t in trends {
                for s in seasons {
                    for d in dampings {
                        if t == .none && d { continue }
                        if e == .additive && (t == .multiplicative || s == .multiplicative) { continue }
                        if e == .multiplicative && t == .multiplicative && s == .additive { continue }
                        if !positive && (e == .multiplicative || s == .multiplicative) { continue }
                        if s != .none && m == 1 { continue }
                        let spec = ETSSpecification(error: e, trend: t, season: s, damped: d)
                        guard
                            let fit = try ETSEstimator.fit(
                                y, m: s == .none ? 1 : m, specification: spec, fixed: fixed, bounds: &bounds,
                                configuration: configuration, optimiseStates: optimiseStates)
                        else { continue }
                        if !fit.aicc.isNaN, fit.aicc < (best?.aicc ?? .infinity) { best = fit }
                    }
                }
            }
        }
        guard let best else {
            throw ForecastError(
                .noModelFitted, "ets: no ETS model could be fitted to \(y.count) observations — give more history")
        }
        return best
    }

    private func tooShort(_ n: Int, minimum: Int) -> ForecastError {
        ForecastError(.seriesTooShort, "ets: the series has \(n) values; this model needs at least \(minimum)")
    }
}
