/// The standard deviation of the forecast error of demand *summed* over a protection interval of
/// H = L + R buckets (lead time L plus review period R) — what safety stock needs.
///
/// σ₁ is the root mean square of the one-step errors (in-sample residuals or holdout errors),
/// `σ₁ = √(Σe²/(n − k))`, NaNs skipped, k = `degreesOfFreedomUsed` (default 0).
///
/// Two rules:
/// - ``Method/independent``: `σ_H = σ₁ √H`. Exact when the one-step errors are independent and the
///   forecast does not learn from them (a fixed mean); the usual textbook rule (Silver, Pyke &
///   Thomas 2017, §6.5; Axsäter 2015, *Inventory Control*, §5.2). Used for models without a linear
///   state-space form (moving average, Croston family, TSB, ADIDA, IMAPA, historic average).
/// - ``Method/stateSpace(_:)``: for linear exponential smoothing the errors of the h-step forecasts
///   are correlated, because each future error also moves the later forecasts. With
///   `y_{t+j} − ŷ_{t+j|t} = ε_{t+j} + Σ_{i=1}^{j−1} c_i ε_{t+j−i}`, the error of the sum over H
///   buckets has variance `σ²_H = σ₁² Σ_{j=0}^{H−1} (1 + C_j)²`, `C_j = Σ_{i=1}^{j} c_i`
///   (Hyndman, Koehler, Ord & Snyder 2008, *Forecasting with Exponential Smoothing*, §6.6,
///   lead-time demand for linear homoscedastic models). `c_i = α` for SES / ETS(A,N,N); `α + iβ`
///   for Holt; `α + β(φ + … + φ^i)` damped; `+ γ` when `i mod m = 0` with additive seasonality;
///   `c_i = 1` for the naive method (a random walk). Larger than σ₁√H: SES with α = 0.2 over
///   H = 4 gives σ₁·√(1 + 1.2² + 1.4² + 1.6²) = 2.64 σ₁ instead of 2 σ₁.
///
/// For multiplicative-error ETS the same coefficients are applied to the absolute one-step errors
/// (a first-order approximation). A fractional H interpolates the variance linearly between
/// ⌊H⌋ and ⌈H⌉.
public struct LeadTimeForecastError: Hashable, Sendable {
    /// How σ_H was obtained.
    public enum Method: Hashable, Sendable {
        /// `σ₁ √H`.
        case independent
        /// Exponential-smoothing coefficients `c_1, c_2, …` (index 0 is c_1).
        case stateSpace([Double])
    }

    /// One-step σ₁.
    public var oneStepSigma: Double
    /// Protection interval H = L + R in buckets.
    public var buckets: Double
    /// σ of the summed error over H buckets.
    public var sigma: Double
    /// The rule used.
    public var method: Method

    /// σ₁ from one-step errors (NaN entries skipped); `nil` without enough errors.
    public static func oneStepSigma(errors: [Double], degreesOfFreedomUsed k: Int = 0) -> Double? {
        var sum = 0.0
        var n = 0
        for e in errors where e.isFinite {
            sum += e * e
            n += 1
        }
        guard n - k > 0 else { return nil }
        return (sum / Double(n - k)).squareRoot()
    }

    /// σ_H for a given σ₁, lead time L and review period R (both in buckets) and method.
    public init(oneStepSigma sigma1: Double, leadTime: Double, reviewPeriod: Double = 0, method: Method = .independent) {
        let h = max(0, leadTime + reviewPeriod)
        oneStepSigma = sigma1
        buckets = h
        self.method = method
        switch method {
        case .independent:
            sigma = sigma1 * h.squareRoot()
        case .stateSpace(let c):
            func variance(_ whole: Int) -> Double {
                var total = 0.0
                var cumulative = 0.0
                for j in 0..<whole {
                    if j >= 1 { cumulative += j - 1 < c.count ? c[j - 1] : (c.last ?? 0) }
                    total += (1 + cumulative) * (1 + cumulative)
                }
                return total
            }
            let bounded = h.isFinite ? min(h, 100_000) : 100_000  // beyond that the sum only grows; no Int overflow
            let lower = Int(bounded.rounded(.down))
            let fraction = bounded - Double(lower)
            let v = fraction > 0 ? variance(lower) + fraction * (variance(lower + 1) - variance(lower)) : variance(lower)
            sigma = sigma1 * v.squareRoot()
        }
    }

    /// σ_H for a fitted model: σ₁ from its in-sample one-step errors on `y` (or `errors` when
    /// given, e.g. from a holdout), the method from the model family.
    public init?(fit: FittedForecast, series y: [Double], errors: [Double]? = nil, leadTime: Double, reviewPeriod: Double = 0) {
        let e = errors ?? fit.residuals(y)
        guard let sigma1 = Self.oneStepSigma(errors: e) else { return nil }
        let total = leadTime + reviewPeriod
        let h = Int((total.isFinite ? min(max(0, total), 100_000) : 100_000).rounded(.up)) + 1
        self.init(oneStepSigma: sigma1, leadTime: leadTime, reviewPeriod: reviewPeriod, method: Self.method(for: fit, buckets: h))
    }

    /// The rule for a fitted model (coefficients for `buckets` steps).
    public static func method(for fit: FittedForecast, buckets h: Int) -> Method {
        switch fit.model {
        case .ses, .naive, .holt, .holtWinters, .ets:
            let growth = ForecastErrorGrowth(fit)
            if growth == .constant { return .independent }
            return .stateSpace(growth.coefficients(count: max(h, 1)))
        default:
            return .independent
        }
    }
}
