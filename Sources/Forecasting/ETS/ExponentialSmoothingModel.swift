/// Holt, Holt-Winters and automatic ETS as forecasting models: each an ``AutoETS`` search over a
/// fixed family, fitted by maximum likelihood as statsforecast does (see ``AutoETS``).
///
/// - ``Family/holt``: ETS(A,A,N) or ETS(A,Ad,N) (statsforecast `Holt`); Holt (1957), FPP3 §8.2.
/// - ``Family/holtWinters(_:)``: ETS(A,A,A) or ETS(M,A,M), each damped or not (statsforecast
///   `HoltWinters`); Winters (1960), FPP3 §8.3.
/// - ``Family/ets``: every admissible ETS form, chosen by AICc (statsforecast `AutoETS`).
///
/// `damped` `nil` lets AICc decide; a fixed φ implies a damped trend.
public struct ExponentialSmoothingModel: ForecastModel, Hashable {
    /// The model family.
    public enum Family: Hashable, Sendable {
        case holt
        case holtWinters(Seasonality)
        case ets
    }

    /// Additive or multiplicative seasonality.
    public enum Seasonality: String, Hashable, Sendable, CaseIterable {
        case additive, multiplicative
    }

    /// The family.
    public var family: Family
    /// Season length m (Holt-Winters needs m ≥ 2; ETS tries seasonal forms when m ≥ 2).
    public var seasonLength: Int
    /// Whether the trend is damped; `nil` = choose by AICc.
    public var damped: Bool?
    /// Fixed smoothing parameters; `nil` ones are estimated.
    public var fixed: ETSSmoothingParameters
    /// How the parameters are estimated.
    public var estimation: Estimation
    /// Nelder–Mead settings (statsforecast's by default).
    public var optimizer: NelderMead.Configuration = .statsforecastETS

    /// How an ETS model is estimated.
    public enum Estimation: Hashable, Sendable {
        /// Smoothing parameters and initial states together by maximum likelihood (statsforecast).
        case likelihood
        /// Initial states fixed at the heuristic start (``ETSInitialization``); only the smoothing
        /// parameters searched, minimising the in-sample one-step SSE (additive errors). Several
        /// times faster; used by the automatic selection.
        case heuristicStates
    }

    /// Creates the model.
    public init(
        family: Family, seasonLength: Int = 1, damped: Bool? = nil, fixed: ETSSmoothingParameters = ETSSmoothingParameters(),
        estimation: Estimation = .likelihood
    ) {
        self.family = family
        self.seasonLength = seasonLength
        self.damped = damped
        self.fixed = fixed
        self.estimation = estimation
    }

    public var name: ModelName {
        switch family {
        case .holt: .holt
        case .holtWinters: .holtWinters
        case .ets: .ets
        }
    }

    /// The ETS search this model runs.
    public var search: AutoETS {
        var space: ETSSearchSpace
        switch family {
        case .holt: space = .holt
        case .holtWinters(.additive): space = .holtWintersAdditive
        case .holtWinters(.multiplicative): space = .holtWintersMultiplicative
        case .ets: space = .all
        }
        space.damped = fixed.phi != nil ? true : damped
        return AutoETS(
            seasonLength: family == .holt ? 1 : seasonLength, searchSpace: space, fixed: fixed, configuration: optimizer,
            optimiseStates: estimation == .likelihood)
    }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        for (label, value) in [("alpha", fixed.alpha), ("beta", fixed.beta), ("gamma", fixed.gamma)] {
            if let value, !(value > 0 && value < 1) { throw .parameter(name, label, value, expected: "a number in (0, 1)") }
        }
        if let phi = fixed.phi, !(phi > 0 && phi <= 1) { throw .parameter(name, "phi", phi, expected: "a number in (0, 1]") }
        if case .holtWinters = family, seasonLength < 2 {
            throw ForecastError(.invalidParameter, "holt-winters: --season-length must be ≥ 2 (got \(seasonLength))")
        }
        return Self.fitted(from: try search.fit(y), model: name, options: options)
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validate(y, model: name)
        guard case .exponentialSmoothing(let last) = fit.path, let alpha = fit.parameters["alpha"] else {
            return try self.fit(y, options: options)
        }
        let spec = last.specification
        let m = last.seasonLength
        var initial: [Double] = [fit.parameters["initial_level"] ?? .nan]
        if spec.hasTrend { initial.append(fit.parameters["initial_trend"] ?? .nan) }
        if spec.hasSeason { initial += (0..<m).map { fit.parameters["initial_seasonal_\($0)"] ?? .nan } }
        let refit = ETSEstimator.evaluate(
            y, m: m, specification: spec, alpha: alpha, beta: fit.parameters["beta"] ?? 0,
            gamma: fit.parameters["gamma"] ?? 0, phi: fit.parameters["phi"] ?? 1, initialState: initial,
            parameterCount: Int(fit.statistics["parameters"] ?? 0))
        return Self.fitted(from: refit, model: name, options: options)
    }

    /// Wraps an ETS fit: parameters α, β, γ, φ (those present), then the initial states.
    static func fitted(from fit: ETSFit, model: ModelName, options: FitOptions) -> FittedForecast {
        var p = ModelParameters(["alpha": fit.alpha])
        let spec = fit.specification
        if spec.hasTrend { p.set("beta", fit.beta) }
        if spec.hasSeason { p.set("gamma", fit.gamma) }
        if spec.damped { p.set("phi", fit.phi) }
        if spec.hasSeason { p.set("season_length", Double(fit.seasonLength)) }
        p.set("initial_level", fit.initialState[0])
        if spec.hasTrend { p.set("initial_trend", fit.initialState[1]) }
        if spec.hasSeason {
            let offset = spec.hasTrend ? 2 : 1
            for k in 0..<fit.seasonLength { p.set("initial_seasonal_\(k)", fit.initialState[offset + k]) }
        }
        let stats = ModelParameters([
            "aicc": fit.aicc, "aic": fit.aic, "loglik": fit.logLikelihood, "sigma2": fit.sigma2,
            "parameters": Double(fit.parameterCount),
        ])
        return FittedForecast(
            model: model, parameters: p, fitted: options.fittedValues ? fit.fitted : [],
            path: .exponentialSmoothing(fit.finalState), method: spec.description, statistics: stats)
    }
}
