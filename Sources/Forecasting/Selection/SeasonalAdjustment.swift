import RealModule

/// Seasonal indices for forecasting on seasonally adjusted data, as the M4 competition's
/// benchmarks do: test for seasonality with the autocorrelation at lag m, and if present divide
/// out (or subtract) classical-decomposition indices, forecast the adjusted series, and put the
/// indices back (Makridakis, Spiliotis & Assimakopoulos 2020, *IJF* 36(1), 54–74,
/// doi:10.1016/j.ijforecast.2019.04.014, §3.2; Hyndman & Athanasopoulos, FPP3 §3.4).
///
/// Test: seasonal when `|r_m| > 1.645 · √((1 + 2 Σ_{k=1}^{m−1} r_k²) / n)` (90 %, one-sided, with
/// Bartlett's variance of the autocorrelation), n ≥ 2m. Multiplicative indices (mean 1) when every
/// centred moving average is positive, additive (mean 0) otherwise.
public struct SeasonalAdjustment: Hashable, Sendable {
    /// Index of each position of the cycle: position `t mod m` of absolute period t.
    public var indices: [Double]
    /// Whether the indices divide (true) or subtract (false).
    public var multiplicative: Bool

    /// Season length.
    public var seasonLength: Int { indices.count }

    /// Creates an adjustment from its indices.
    public init(indices: [Double], multiplicative: Bool) {
        self.indices = indices
        self.multiplicative = multiplicative
    }

    /// The adjustment for `y` if it tests seasonal at lag `m`, else `nil`.
    public static func detect(_ y: [Double], seasonLength m: Int) -> SeasonalAdjustment? {
        let n = y.count
        guard m >= 2, n >= 2 * m else { return nil }
        let mean = y.reduce(0, +) / Double(n)
        var denominator = 0.0
        for v in y { denominator += (v - mean) * (v - mean) }
        guard denominator > 0 else { return nil }
        var sumSquares = 0.0
        var rm = 0.0
        for k in 1...m {
            var s = 0.0
            for t in k..<n { s += (y[t] - mean) * (y[t - k] - mean) }
            let r = s / denominator
            if k < m { sumSquares += r * r } else { rm = r }
        }
        let limit = 1.645 * ((1 + 2 * sumSquares) / Double(n)).squareRoot()
        guard abs(rm) > limit else { return nil }
        return estimate(y, seasonLength: m)
    }

    /// Classical-decomposition indices of `y` (no test).
    public static func estimate(_ y: [Double], seasonLength m: Int) -> SeasonalAdjustment? {
        guard m >= 2, y.count >= 2 * m else { return nil }
        var positive = true
        let weights: [Double] = m % 2 == 0 ? [0.5] + Array(repeating: 1.0, count: m - 1) + [0.5] : Array(repeating: 1.0, count: m)
        let half = weights.count / 2
        let tail = weights.count - 1 - half
        for t in half..<(y.count - tail) {
            var s = 0.0
            for k in 0..<weights.count { s += weights[k] * y[t - half + k] }
            if s <= 0 { positive = false; break }
        }
        let seasonal = ClassicalDecomposition.seasonal(y, period: m, multiplicative: positive)
        let indices = (0..<m).map { seasonal[$0] }
        guard indices.allSatisfy(\.isFinite), !positive || indices.allSatisfy({ $0 > 0 }) else { return nil }
        return SeasonalAdjustment(indices: indices, multiplicative: positive)
    }

    /// The seasonally adjusted series (`y_t / s_{t mod m}` or `y_t − s_{t mod m}`).
    public func adjust(_ y: [Double]) -> [Double] {
        let m = indices.count
        return y.indices.map { multiplicative ? y[$0] / indices[$0 % m] : y[$0] - indices[$0 % m] }
    }

    /// Puts the seasonality back into forecasts of periods `start, start + 1, …` (absolute indexes).
    public func reseasonalize(_ forecast: [Double], startingAt start: Int) -> [Double] {
        let m = indices.count
        return forecast.indices.map { i in
            let s = indices[(start + i) % m]
            return multiplicative ? forecast[i] * s : forecast[i] + s
        }
    }
}
