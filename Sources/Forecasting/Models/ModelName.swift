/// The forecasting models by the names the CLI uses (`procura forecast --model NAME`).
public enum ModelName: String, Sendable, CaseIterable, Codable, Hashable {
    /// Last value carried forward.
    case naive
    /// The value one season earlier.
    case seasonalNaive = "seasonal-naive"
    /// Mean of the whole history.
    case historicAverage = "historic-average"
    /// Mean of the last `window` values.
    case movingAverage = "moving-average"
    /// Simple exponential smoothing.
    case ses
    /// Holt's linear trend, optionally damped (ETS(A,A,N) / ETS(A,Ad,N)).
    case holt
    /// Holt-Winters, additive or multiplicative seasonality (ETS(A,A,A) / ETS(M,A,M), optionally damped).
    case holtWinters = "holt-winters"
    /// Automatic ETS: error, trend and season chosen by AICc.
    case ets
    /// Croston's method (α = 0.1).
    case croston
    /// Syntetos–Boylan approximation: Croston × (1 − α/2).
    case crostonSBA = "croston-sba"
    /// Croston with α for sizes and intervals chosen by SSE.
    case crostonOptimized = "croston-optimized"
    /// Teunter–Syntetos–Babai: demand probability updated every period.
    case tsb
    /// Aggregate–disaggregate intermittent demand approach.
    case adida
    /// Intermittent multiple aggregation prediction algorithm.
    case imapa
    /// Automatic selection by rolling-origin holdout (``AutoSelector``).
    case auto
}
