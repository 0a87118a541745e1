/// The settings a user can give a model by name (the CLI's model flags), and the model they make.
public struct ModelSettings: Hashable, Sendable {
    /// SES / Holt / Holt-Winters level weight α (fixed; `nil` = fitted).
    public var alpha: Double?
    /// Trend weight β (fixed; `nil` = fitted).
    public var beta: Double?
    /// Seasonal weight γ (fixed; `nil` = fitted).
    public var gamma: Double?
    /// Damping φ (fixed, implies a damped trend; `nil` = fitted).
    public var phi: Double?
    /// Damped trend: `true`, `false`, or `nil` to let AICc choose.
    public var damped: Bool?
    /// Moving-average window.
    public var window: Int?
    /// Season length m.
    public var seasonLength: Int?
    /// Holt-Winters seasonality (default additive).
    public var seasonal: ExponentialSmoothingModel.Seasonality?
    /// TSB size weight α_d.
    public var alphaDemand: Double?
    /// TSB probability weight α_p.
    public var alphaProbability: Double?

    /// Creates settings.
    public init(
        alpha: Double? = nil, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil, damped: Bool? = nil,
        window: Int? = nil, seasonLength: Int? = nil, seasonal: ExponentialSmoothingModel.Seasonality? = nil,
        alphaDemand: Double? = nil, alphaProbability: Double? = nil
    ) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
        self.damped = damped
        self.window = window
        self.seasonLength = seasonLength
        self.seasonal = seasonal
        self.alphaDemand = alphaDemand
        self.alphaProbability = alphaProbability
    }

    /// The settings given, by flag name (`alpha`, `season-length`, …), to report ones that do not apply.
    public var givenFlags: [String] {
        var out: [String] = []
        if alpha != nil { out.append("alpha") }
        if beta != nil { out.append("beta") }
        if gamma != nil { out.append("gamma") }
        if phi != nil { out.append("phi") }
        if damped != nil { out.append("damped") }
        if window != nil { out.append("window") }
        if seasonLength != nil { out.append("season-length") }
        if seasonal != nil { out.append("seasonal") }
        if alphaDemand != nil { out.append("alpha-d") }
        if alphaProbability != nil { out.append("alpha-p") }
        return out
    }

    /// The flags each model accepts.
    public static func acceptedFlags(_ name: ModelName) -> Set<String> {
        switch name {
        case .naive, .historicAverage, .croston, .crostonSBA, .crostonOptimized, .adida, .imapa: []
        case .seasonalNaive: ["season-length"]
        case .movingAverage: ["window"]
        case .ses: ["alpha"]
        case .holt: ["alpha", "beta", "phi", "damped"]
        case .holtWinters: ["alpha", "beta", "gamma", "phi", "damped", "season-length", "seasonal"]
        case .ets: ["season-length"]
        case .tsb: ["alpha-d", "alpha-p"]
        case .auto: ["season-length"]
        }
    }

    /// The model `name` with these settings. Throws when a required setting is missing, or for
    /// `auto` (use ``AutoSelector``).
    public func model(_ name: ModelName) throws(ForecastError) -> any ForecastModel {
        let unknown = givenFlags.filter { !Self.acceptedFlags(name).contains($0) }
        if let flag = unknown.first {
            let accepted = Self.acceptedFlags(name).sorted().map { "--\($0)" }.joined(separator: ", ")
            throw ForecastError(
                .invalidParameter,
                "--\(flag) does not apply to \(name.rawValue)"
                    + (accepted.isEmpty ? " (it takes no model flags)" : " (it takes \(accepted))"))
        }
        switch name {
        case .naive: return NaiveModel()
        case .seasonalNaive:
            guard let m = seasonLength else {
                throw ForecastError(
                    .invalidParameter, "seasonal-naive needs --season-length M (e.g. 52 for weekly, 12 for monthly)")
            }
            return SeasonalNaiveModel(seasonLength: m)
        case .historicAverage: return HistoricAverageModel()
        case .movingAverage:
            guard let window else { throw ForecastError(.invalidParameter, "moving-average needs --window N (e.g. --window 4)") }
            return MovingAverageModel(window: window)
        case .ses: return SimpleExponentialSmoothing(alpha: alpha)
        case .holt:
            return ExponentialSmoothingModel(
                family: .holt, damped: damped, fixed: ETSSmoothingParameters(alpha: alpha, beta: beta, phi: phi))
        case .holtWinters:
            guard let m = seasonLength else {
                throw ForecastError(
                    .invalidParameter, "holt-winters needs --season-length M (e.g. 52 for weekly, 12 for monthly)")
            }
            return ExponentialSmoothingModel(
                family: .holtWinters(seasonal ?? .additive), seasonLength: m, damped: damped,
                fixed: ETSSmoothingParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi))
        case .ets: return ExponentialSmoothingModel(family: .ets, seasonLength: seasonLength ?? 1)
        case .croston: return CrostonModel(variant: .classic)
        case .crostonSBA: return CrostonModel(variant: .sba)
        case .crostonOptimized: return CrostonModel(variant: .optimized)
        case .tsb: return TSBModel(alphaDemand: alphaDemand, alphaProbability: alphaProbability)
        case .adida: return ADIDAModel()
        case .imapa: return IMAPAModel()
        case .auto:
            throw ForecastError(.invalidParameter, "auto is a selection, not a single model — use AutoSelector")
        }
    }
}
