/// The last state of a fitted ETS model, from which it forecasts.
///
/// Layout as statsforecast / R forecast: level ℓ, trend b (when present), seasonal indices
/// `s[0] = s_t, s[1] = s_{t−1}, …, s[m−1] = s_{t−m+1}` (when present).
public struct ETSState: Hashable, Sendable {
    /// The model form.
    public var specification: ETSSpecification
    /// Season length (1 without seasonality).
    public var seasonLength: Int
    /// Damping φ (1 when undamped).
    public var phi: Double
    /// Level ℓ_n.
    public var level: Double
    /// Trend b_n (0 without trend).
    public var trend: Double
    /// Seasonal indices, newest first (empty without seasonality).
    public var seasonal: [Double]

    /// Creates a state.
    public init(specification: ETSSpecification, seasonLength: Int, phi: Double, level: Double, trend: Double, seasonal: [Double])
    {
        self.specification = specification
        self.seasonLength = seasonLength
        self.phi = phi
        self.level = level
        self.trend = trend
        self.seasonal = seasonal
    }

    /// Point forecasts for horizons 1…h: `ŷ(h) = ℓ + φ*_h b` (+ `s[(m − h) mod m]`, or × for
    /// multiplicative seasonality), with statsforecast's damped-trend sum
    /// `φ*_1 = φ`, `φ*_{h+1} = φ*_h + φ^h` (the R forecast package's C code; not the textbook
    /// `Σ_{j=1}^{h} φ^j` of Hyndman & Athanasopoulos, FPP3 §8.2 — they differ for h ≥ 2 when damped).
    public func forecast(h: Int) -> [Double] {
        var out = [Double](repeating: 0, count: max(h, 0))
        ETSKernel.forecast(
            into: &out, level: level, trend: trend, seasonal: seasonal, m: seasonLength, specification: specification,
            phi: phi)
        return out
    }
}
