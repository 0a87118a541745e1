import InventoryCore

/// How the standard deviation of a model's forecast error grows with the horizon: σ_h, the σ of
/// the error of the forecast for one bucket h steps ahead, from the one-step σ₁.
///
/// Every model is written as `y_{t+h} − ŷ_{t+h|t} = ε_{t+h} + Σ_{j=1}^{h−1} c_j ε_{t+h−j}` with
/// independent one-step errors ε of σ₁, so `σ_h² = σ₁² (1 + Σ_{j=1}^{h−1} c_j²)` (Hyndman, Koehler,
/// Ord & Snyder 2008, *Forecasting with Exponential Smoothing*, §6.1 and Table 6.1, class 1 — the
/// linear homoscedastic models; Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*,
/// 3rd ed., §8.7, Table 8.8):
///
/// - ``exponentialSmoothing(alpha:beta:gamma:phi:seasonLength:)`` — SES, Holt (damped or not),
///   additive Holt-Winters and automatic ETS: `c_j = α + β(φ + φ² + … + φʲ) + γ·[j mod m = 0]`
///   (`β`, `γ` in the error-correction form the fits report; φ = 1 undamped). SES gives
///   `σ_h² = σ₁²(1 + (h − 1)α²)`. For multiplicative error or season the same coefficients are a
///   first-order approximation (the exact variance of Hyndman et al. 2008 §6.3–6.4 depends on the
///   states).
/// - ``randomWalk`` — the naive method, `c_j = 1`: `σ_h = σ₁√h` (FPP3 Table 5.2).
/// - ``seasonalRandomWalk(seasonLength:)`` — the seasonal naive method, `c_j = 1` when `j mod m = 0`:
///   `σ_h = σ₁ √(⌊(h − 1)/m⌋ + 1)` (FPP3 Table 5.2).
/// - ``constant`` — models that forecast a level estimated from past data and have no state the
///   future errors move: the historic average and the moving average (their σ₁ from one-step errors
///   already holds the estimation error; FPP3 Table 5.2 gives the mean method `σ₁√(1 + 1/T)` for
///   every h), and the intermittent-demand methods — Croston, SBA, optimised Croston, TSB, ADIDA,
///   IMAPA. Croston's method has no stochastic model consistent with it (Shenstone & Hyndman 2005,
///   "Stochastic models underlying Croston's method for intermittent demand forecasting",
///   *Journal of Forecasting* 24(6), 389–402, doi:10.1002/for.963), so no horizon-dependent
///   variance follows from the model; Procura uses the empirical one-step σ₁ for every bucket of
///   the horizon, as the policy engine does per bucket (Syntetos & Boylan 2005 use the same
///   per-period error for the safety stock of these methods).
public enum ForecastErrorGrowth: Hashable, Sendable {
    /// σ_h = σ₁ for every h.
    case constant
    /// The naive method: σ_h = σ₁√h.
    case randomWalk
    /// The seasonal naive method: σ_h = σ₁√(⌊(h − 1)/m⌋ + 1).
    case seasonalRandomWalk(seasonLength: Int)
    /// Linear exponential smoothing with these weights.
    case exponentialSmoothing(alpha: Double, beta: Double, gamma: Double, phi: Double, seasonLength: Int)

    /// The growth of a fitted model (its family and fitted weights).
    public init(_ fit: FittedForecast) {
        switch fit.model {
        case .naive:
            self = .randomWalk
        case .seasonalNaive:
            if case .cycle(let cycle) = fit.path {
                self = .seasonalRandomWalk(seasonLength: cycle.count)
            } else {
                self = .randomWalk
            }
        case .ses:
            self = .exponentialSmoothing(alpha: fit.parameters["alpha"] ?? 0, beta: 0, gamma: 0, phi: 1, seasonLength: 0)
        case .holt, .holtWinters, .ets:
            guard case .exponentialSmoothing(let state) = fit.path else {
                self = .constant
                return
            }
            let spec = state.specification
            self = .exponentialSmoothing(
                alpha: fit.parameters["alpha"] ?? 0, beta: spec.hasTrend ? fit.parameters["beta"] ?? 0 : 0,
                gamma: spec.hasSeason ? fit.parameters["gamma"] ?? 0 : 0, phi: spec.damped ? fit.parameters["phi"] ?? 1 : 1,
                seasonLength: spec.hasSeason ? state.seasonLength : 0)
        default:
            self = .constant
        }
    }

    /// The coefficients c_1 … c_count.
    public func coefficients(count: Int) -> [Double] {
        guard count > 0 else { return [] }
        switch self {
        case .constant: return Array(repeating: 0, count: count)
        case .randomWalk: return Array(repeating: 1, count: count)
        case .seasonalRandomWalk(let m): return (1...count).map { m > 0 && $0 % m == 0 ? 1 : 0 }
        case .exponentialSmoothing(let a, let b, let g, let phi, let m):
            var c: [Double] = []
            c.reserveCapacity(count)
            var phiSum = 0.0
            var power = 1.0
            for i in 1...count {
                power *= phi
                phiSum += power
                var ci = a + b * phiSum
                if m > 0 && i % m == 0 { ci += g }
                c.append(ci)
            }
            return c
        }
    }

    /// σ_1 … σ_horizon for a one-step σ₁.
    public func sigmas(oneStep sigma1: Double, horizon: Int) -> [Double] {
        guard horizon > 0 else { return [] }
        let c = coefficients(count: horizon - 1)
        var sum = 1.0
        var out = [sigma1]
        out.reserveCapacity(horizon)
        for cj in c {
            sum += cj * cj
            out.append(sigma1 * sum.squareRoot())
        }
        return out
    }
}
