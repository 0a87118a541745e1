/// An ETS model form: error, trend and seasonal components and whether the trend is damped
/// (Hyndman et al. 2008, *Forecasting with Exponential Smoothing*, §2.5, Table 2.1).
public struct ETSSpecification: Hashable, Sendable, CustomStringConvertible {
    /// The kind of a component.
    public enum Component: String, Hashable, Sendable {
        /// Not present (N).
        case none = "N"
        /// Additive (A).
        case additive = "A"
        /// Multiplicative (M).
        case multiplicative = "M"
    }

    /// Error component: additive or multiplicative.
    public var error: Component
    /// Trend component: none or additive (multiplicative trend is not offered, as statsforecast's default).
    public var trend: Component
    /// Seasonal component.
    public var season: Component
    /// Whether the trend is damped (φ < 1).
    public var damped: Bool

    /// Creates a specification.
    public init(error: Component, trend: Component, season: Component, damped: Bool = false) {
        self.error = error
        self.trend = trend
        self.season = season
        self.damped = damped && trend != .none
    }

    /// `ETS(A,Ad,N)` style name.
    public var description: String {
        "ETS(\(error.rawValue),\(trend.rawValue)\(damped ? "d" : ""),\(season.rawValue))"
    }

    /// Whether the model has a trend.
    var hasTrend: Bool { trend != .none }
    /// Whether the model has a seasonal component.
    var hasSeason: Bool { season != .none }
}

/// Which ETS forms to search, each component fixed or free (`nil` = try all), as `model="ZZZ"`.
public struct ETSSearchSpace: Hashable, Sendable {
    /// Error component, or `nil` for A and M.
    public var error: ETSSpecification.Component?
    /// Trend component, or `nil` for N and A.
    public var trend: ETSSpecification.Component?
    /// Seasonal component, or `nil` for N, A and M.
    public var season: ETSSpecification.Component?
    /// Damping, or `nil` for both.
    public var damped: Bool?

    /// Creates a search space.
    public init(
        error: ETSSpecification.Component? = nil, trend: ETSSpecification.Component? = nil,
        season: ETSSpecification.Component? = nil, damped: Bool? = nil
    ) {
        self.error = error
        self.trend = trend
        self.season = season
        self.damped = damped
    }

    /// statsforecast `AutoETS(model="ZZZ")`.
    public static let all = ETSSearchSpace()
    /// statsforecast `Holt`: `AutoETS(model="AAN")`, damped or not by AICc.
    public static let holt = ETSSearchSpace(error: .additive, trend: .additive, season: ETSSpecification.Component.none)
    /// statsforecast `HoltWinters`: `AutoETS(model="AAA")`, damped or not by AICc.
    public static let holtWintersAdditive = ETSSearchSpace(error: .additive, trend: .additive, season: .additive)
    /// statsforecast `HoltWinters(error_type="M")`: `AutoETS(model="MAM")`.
    public static let holtWintersMultiplicative = ETSSearchSpace(
        error: .multiplicative, trend: .additive, season: .multiplicative)
}
