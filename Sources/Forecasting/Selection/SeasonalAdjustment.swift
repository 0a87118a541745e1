import RealModule

/// Seasonal indices for forecasting on seasonally adjusted data, as the M4 competition's
/// benchmarks do: estimate seasonal indices, divide them out (or subtract them), forecast the
/// adjusted series, and put the indices back (Makridakis, Spiliotis & Assimakopoulos 2020, *IJF*
/// 36(1), 54–74, doi:10.1016/j.ijforecast.2019.04.014, §3.2; Hyndman & Athanasopoulos, FPP3 §3.4).
///
/// Estimation (n observations, season length m, n ≥ 2m):
/// - n ≥ 3m: classical decomposition (``ClassicalDecomposition``): any seasonal shape.
/// - 2m ≤ n < 3m (e.g. weekly data with under three years): too few cycles to average each
///   position, so a harmonic regression `y_t = a + b t + Σ_{k=1}^{K} (c_k cos 2πkt/m + d_k sin 2πkt/m)`
///   with K = ``harmonics`` (default 2) gives a smooth seasonal shape (Hyndman & Athanasopoulos,
///   FPP3 §7.4, Fourier terms; §12.1 for weekly data).
/// Test: the seasonal terms are kept when they improve the fit by more than BIC's penalty,
/// `n · log(RSS₀ / RSS₁) > p · log n` (RSS₀ without them, RSS₁ with them, p their number;
/// Schwarz 1978). Indices are multiplicative (mean 1) when every implied index is ≥ 0.05 — demand
/// seasonality usually scales with the level — and additive (mean 0) otherwise.
public struct SeasonalAdjustment: Hashable, Sendable {
    /// Index of each position of the cycle: position `t mod m` of absolute period t.
    public var indices: [Double]
    /// Whether the indices divide (true) or subtract (false).
    public var multiplicative: Bool

    /// Harmonics of the regression estimate.
    public static let harmonics = 2

    /// Season length.
    public var seasonLength: Int { indices.count }

    /// Creates an adjustment from its indices.
    public init(indices: [Double], multiplicative: Bool) {
        self.indices = indices
        self.multiplicative = multiplicative
    }

    /// The adjustment for `y` if its seasonality passes the test, else `nil`.
    public static func detect(_ y: [Double], seasonLength m: Int) -> SeasonalAdjustment? {
        guard m >= 2, y.count >= 2 * m else { return nil }
        let n = Double(y.count)
        let t = (0..<y.count).map(Double.init)
        let base = [Array(repeating: 1.0, count: y.count), t]
        let harmonicColumns = harmonicTerms(count: y.count, m: m)
        let rss0 = residualSquares(columns: base, y).rss
        let (rss1, coefficients) = residualSquares(columns: base + harmonicColumns, y)
        guard rss0 > 0, rss1 > 0, n * Double.log(rss0 / rss1) > Double(harmonicColumns.count) * Double.log(n) else { return nil }
        return y.count >= 3 * m ? estimate(y, seasonLength: m) : harmonic(coefficients, y, m: m)
    }

    /// Seasonal indices of `y` (no test): classical decomposition when n ≥ 3m, harmonic regression otherwise.
    public static func estimate(_ y: [Double], seasonLength m: Int) -> SeasonalAdjustment? {
        guard m >= 2, y.count >= 2 * m else { return nil }
        let mean = y.reduce(0, +) / Double(y.count)
        if y.count >= 3 * m {
            let positive = mean > 0 && y.allSatisfy { $0 >= 0 }
            if positive, movingAveragesPositive(y, m: m) {
                let ratios = ClassicalDecomposition.seasonal(y, period: m, multiplicative: true)
                let indices = (0..<m).map { ratios[$0] }
                if indices.allSatisfy({ $0.isFinite && $0 >= 0.05 }) {
                    return SeasonalAdjustment(indices: indices, multiplicative: true)
                }
            }
            let s = ClassicalDecomposition.seasonal(y, period: m, multiplicative: false)
            let additive = (0..<m).map { s[$0] }
            return fromAdditive(additive, mean: mean)
        }
        let t = (0..<y.count).map(Double.init)
        let c = LeastSquares.solve(columns: [Array(repeating: 1.0, count: y.count), t] + harmonicTerms(count: y.count, m: m), y)
        return harmonic(c, y, m: m)
    }

    /// Indices from the coefficients of the harmonic regression (`c[2...]` the Fourier terms).
    static func harmonic(_ c: [Double], _ y: [Double], m: Int) -> SeasonalAdjustment? {
        guard c.allSatisfy(\.isFinite) else { return nil }
        let cycle = harmonicTerms(count: m, m: m)
        var additive = (0..<m).map { phase in
            var s = 0.0
            for (j, column) in cycle.enumerated() { s += c[2 + j] * column[phase] }
            return s
        }
        let centre = additive.reduce(0, +) / Double(m)
        additive = additive.map { $0 - centre }
        return fromAdditive(additive, mean: y.reduce(0, +) / Double(y.count))
    }

    /// Multiplicative indices `1 + s/ȳ` when all are ≥ 0.05, else the additive ones.
    static func fromAdditive(_ additive: [Double], mean: Double) -> SeasonalAdjustment? {
        guard additive.allSatisfy(\.isFinite) else { return nil }
        if mean > 0 {
            let ratios = additive.map { 1 + $0 / mean }
            if ratios.allSatisfy({ $0 >= 0.05 }) { return SeasonalAdjustment(indices: ratios, multiplicative: true) }
        }
        return SeasonalAdjustment(indices: additive, multiplicative: false)
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

    /// `cos(2πkt/m), sin(2πkt/m)` for k = 1…K and t = 0…count−1 (sine left out where it vanishes);
    /// the functions are evaluated once per position of the cycle and repeated.
    static func harmonicTerms(count: Int, m: Int) -> [[Double]] {
        var columns: [[Double]] = []
        for k in 1...min(harmonics, m / 2) {
            let w = 2 * Double.pi * Double(k) / Double(m)
            let cosines = (0..<m).map { Double.cos(w * Double($0)) }
            columns.append((0..<count).map { cosines[$0 % m] })
            if 2 * k != m {
                let sines = (0..<m).map { Double.sin(w * Double($0)) }
                columns.append((0..<count).map { sines[$0 % m] })
            }
        }
        return columns
    }

    static func residualSquares(columns: [[Double]], _ y: [Double]) -> (rss: Double, coefficients: [Double]) {
        let c = LeastSquares.solve(columns: columns, y)
        guard c.allSatisfy(\.isFinite) else { return (.nan, c) }
        var rss = 0.0
        for t in y.indices {
            var fit = 0.0
            for (j, column) in columns.enumerated() { fit += c[j] * column[t] }
            rss += (y[t] - fit) * (y[t] - fit)
        }
        return (rss, c)
    }

    static func movingAveragesPositive(_ y: [Double], m: Int) -> Bool {
        let weights: [Double] = m % 2 == 0 ? [0.5] + Array(repeating: 1.0, count: m - 1) + [0.5] : Array(repeating: 1.0, count: m)
        let half = weights.count / 2
        for t in half..<(y.count - (weights.count - 1 - half)) {
            var s = 0.0
            for k in 0..<weights.count { s += weights[k] * y[t - half + k] }
            if s <= 0 { return false }
        }
        return true
    }
}
