/// How the safety stock of an item-location is computed (docs/policies.md, "Methods").
///
/// | method | reorder level over the protection interval P | source |
/// |---|---|---|
/// | `normal` | d·P + z·√(P·σd² + d²·σL²) | Silver, Pyke & Thomas (2017) §6.7 |
/// | `forecast_error` | d·P + z·√(σₑ(P)² + d²·σL²) | Silver, Pyke & Thomas (2017) §6.10 |
/// | `poisson` | smallest s with F(s) ≥ α, D ~ Poisson(d·P) | Snyder & Shen (2019) §4.3 |
/// | `negative_binomial` | smallest s with F(s) ≥ α, D ~ NB matched to mean and variance | Silver, Pyke & Thomas (2017) §7.8 |
/// | `gamma` | the α-quantile of a gamma matched to mean and variance | Burgin (1975) |
/// | `none` | no stock policy: 0 | — |
///
/// Under a fill-rate target β the normal methods solve σ·G(k) = (1 − β)·Q with the standard normal
/// loss function G; the others take the smallest level whose expected shortage per cycle is at most
/// (1 − β)·Q (``FillRateLevel``).
public enum SafetyStockMethod: String, Hashable, Sendable, CaseIterable, Codable {
    /// Normal demand with demand and lead-time variability.
    case normal
    /// Normal forecast errors over the protection interval, plus lead-time variability.
    case forecastError = "forecast_error"
    /// Poisson demand (slow movers).
    case poisson
    /// Negative-binomial demand (over-dispersed slow movers).
    case negativeBinomial = "negative_binomial"
    /// Gamma demand (lumpy, skewed).
    case gamma
    /// No stock policy.
    case none
}
