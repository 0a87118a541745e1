/// One ETS model fitted to a series by maximum likelihood.
public struct ETSFit: Sendable {
    /// The model form.
    public var specification: ETSSpecification
    /// Season length used (1 without seasonality).
    public var seasonLength: Int
    /// Level weight α.
    public var alpha: Double
    /// Trend weight β (NaN without trend).
    public var beta: Double
    /// Seasonal weight γ (NaN without seasonality).
    public var gamma: Double
    /// Damping φ (NaN when undamped).
    public var phi: Double
    /// Initial state `[ℓ₀, b₀, s₀, …, s_{m−1}]` (statsforecast layout; the last seasonal index is
    /// the one implied by normalisation).
    public var initialState: [Double]
    /// Final state, from which the model forecasts.
    public var finalState: ETSState
    /// One-step in-sample errors (additive: `y − ŷ`; multiplicative: relative `(y − ŷ)/ŷ`).
    public var residuals: [Double]
    /// One-step in-sample forecasts ŷ_t.
    public var fitted: [Double]
    /// Log-likelihood as statsforecast reports it, `−½ · n log Σe²` (+ the multiplicative term).
    public var logLikelihood: Double
    /// Akaike information criterion, corrected for small samples:
    /// `AICc = −2 log L + 2k + 2k(k + 1)/(n − k − 1)`, k = free parameters + initial states + 1.
    public var aicc: Double
    /// AIC = −2 log L + 2k.
    public var aic: Double
    /// Residual variance `Σe² / (n − k − 1)`.
    public var sigma2: Double
    /// Number of estimated parameters k (including the variance).
    public var parameterCount: Int
}
