// Starting values of an ETS fit: smoothing parameters and initial states.
//
// Goal: the same starting point as statsforecast 2.1.1 (ets.py `initparam`, `initstate`), a port
// of R forecast's ets(), because Nelder–Mead ends where it starts from. Sources: Hyndman et al.
// (2008), *Forecasting with Exponential Smoothing*, §2.6.1 (heuristic initialisation); Hyndman &
// Khandakar (2008), *JSS* 27(3), §2.

import RealModule

/// Bounds of the smoothing parameters: α, β, γ in [0.0001, 0.9999], φ in [0.8, 0.98]
/// (statsforecast / R forecast defaults).
public struct ETSParameterBounds: Hashable, Sendable {
    /// Lower bounds of α, β, γ, φ.
    public var lower: [Double] = [0.0001, 0.0001, 0.0001, 0.8]
    /// Upper bounds of α, β, γ, φ.
    public var upper: [Double] = [0.9999, 0.9999, 0.9999, 0.98]

    /// The default bounds.
    public init() {}
}

/// Smoothing parameters of an ETS model; `nil` where absent or free.
public struct ETSSmoothingParameters: Hashable, Sendable {
    /// Level weight α.
    public var alpha: Double?
    /// Trend weight β.
    public var beta: Double?
    /// Seasonal weight γ.
    public var gamma: Double?
    /// Damping φ.
    public var phi: Double?

    /// Creates parameters.
    public init(alpha: Double? = nil, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
    }
}

enum ETSInitialization {
    /// statsforecast `initparam` (bounds "both"): α from the bounds and m, β below α, γ below 1 − α,
    /// φ near its upper bound. Tightens `bounds.upper` for β and γ in place — statsforecast does
    /// so on the array shared by every model of one AutoETS search, so later models inherit it.
    static func startingValues(
        fixed: ETSSmoothingParameters, specification spec: ETSSpecification, m: Int, bounds: inout ETSParameterBounds
    ) -> ETSSmoothingParameters {
        var out = fixed
        let lower = bounds.lower
        if out.alpha == nil {
            var a = lower[0] + 0.2 * (bounds.upper[0] - lower[0]) / Double(m)
            if a > 1 || a < 0 { a = lower[0] + 2e-3 }
            out.alpha = a
        }
        let alpha = out.alpha!
        if spec.hasTrend && out.beta == nil {
            bounds.upper[1] = min(bounds.upper[1], alpha)
            var b = lower[1] + 0.1 * (bounds.upper[1] - lower[1])
            if b < 0 || b > alpha { b = alpha - 1e-3 }
            out.beta = b
        }
        if spec.hasSeason && out.gamma == nil {
            bounds.upper[2] = min(bounds.upper[2], 1 - alpha)
            var g = lower[2] + 0.05 * (bounds.upper[2] - lower[2])
            if g < 0 || g > 1 - alpha { g = 1 - alpha - 1e-3 }
            out.gamma = g
        }
        if spec.damped && out.phi == nil {
            var p = lower[3] + 0.99 * (bounds.upper[3] - lower[3])
            if p < 0 || p > 1 { p = bounds.upper[3] - 1e-3 }
            out.phi = p
        }
        return out
    }

    /// statsforecast `initstate`: initial level, trend and m − 1 seasonal indices
    /// `[ℓ₀, b₀, s_{m−1}, …, s_1]` (the last index is implied by the seasonal indices summing to
    /// 0, or to m when multiplicative).
    ///
    /// Seasonal indices from a classical decomposition when n ≥ 3m, else from a regression on
    /// `1, t, cos(2πt/m), sin(2πt/m)`; level and trend by least squares on the first
    /// `min(max(10, 2m), n)` seasonally adjusted values (level = their mean without trend).
    static func initialState(_ y: [Double], m mIn: Int, specification spec: ETSSpecification) throws(ForecastError) -> [Double] {
        let n = y.count
        var m = mIn
        var initSeasonal: [Double] = []
        var adjusted = y
        if spec.hasSeason {
            guard n >= 4 else {
                throw ForecastError(.seriesTooShort, "ets: seasonal models need at least 4 observations, the series has \(n)")
            }
            let multiplicative = spec.season == .multiplicative
            if multiplicative, let bad = y.firstIndex(where: { $0 <= 0 }) {
                throw ForecastError(
                    .notPositive,
                    "ets: value \(bad + 1) is \(y[bad]) — multiplicative seasonality needs every value > 0; use additive seasonality"
                )
            }
            var seasonal: [Double]
            if n < 3 * m {
                let t = (1...n).map(Double.init)
                var columns = [Array(repeating: 1.0, count: n), t]
                let p = 1.0 / Double(m)
                columns.append(t.map { Double.cos(2 * Double.pi * p * $0) })
                if abs(2 * p - (2 * p).rounded(.toNearestOrEven)) > Double.ulpOfOne {
                    columns.append(t.map { Double.sin(2 * Double.pi * p * $0) })
                }
                let c = LeastSquares.solve(columns: columns, y)
                seasonal = (0..<n).map { i in
                    let base = c[0] + c[1] * Double(i + 1)
                    return multiplicative ? y[i] / base : y[i] - base
                }
            } else {
                seasonal = ClassicalDecomposition.seasonal(y, period: m, multiplicative: multiplicative)
            }
            initSeasonal = (1..<m).reversed().map { seasonal[$0] }
            if multiplicative {
                initSeasonal = initSeasonal.map { max($0, 1e-2) }
                let sum = initSeasonal.reduce(0, +)
                if sum > Double(m) {
                    let total = initSeasonal.reduce(0) { $0 + ($1 + 1e-2) }
                    initSeasonal = initSeasonal.map { $0 / total }
                }
                adjusted = (0..<n).map { y[$0] / max(seasonal[$0], 1e-2) }
            } else {
                adjusted = (0..<n).map { y[$0] - seasonal[$0] }
            }
        } else {
            m = 1
        }
        let maxn = min(max(10, 2 * m), n)
        if !spec.hasTrend {
            let level = adjusted[0..<maxn].reduce(0, +) / Double(maxn)
            return [level] + initSeasonal
        }
        let head = Array(adjusted[0..<maxn])
        let c = LeastSquares.solve(columns: [Array(repeating: 1.0, count: maxn), (1...maxn).map(Double.init)], head)
        var l0 = c[0]
        var b0 = c[1]
        if abs(l0 + b0) < 1e-8 {
            l0 *= 1 + 1e-3
            b0 *= 1 - 1e-3
        }
        return [l0, b0] + initSeasonal
    }
}
