/// Classical seasonal decomposition by moving averages, as statsmodels' `seasonal_decompose`
/// (which statsforecast's ETS initialisation uses when the series covers three seasons).
///
/// Trend: centred moving average of order m (for even m the 2×m average, weights
/// ½, 1, …, 1, ½ over m + 1 points), undefined within m/2 of either end. Seasonal: the mean of
/// the detrended values (`y − trend`, or `y / trend` when multiplicative) of each position of the
/// cycle, ignoring undefined ones, normalised to sum to 0 (mean 1 when multiplicative) and repeated.
/// Hyndman & Athanasopoulos, FPP3 §3.4.
enum ClassicalDecomposition {
    /// The seasonal component, one value per observation. Needs `y.count ≥ 2m`.
    static func seasonal(_ y: [Double], period m: Int, multiplicative: Bool) -> [Double] {
        let n = y.count
        let weights: [Double] =
            m % 2 == 0
            ? [0.5] + Array(repeating: 1.0, count: m - 1) + [0.5]
            : Array(repeating: 1.0, count: m)
        let divisor = Double(m)
        let half = weights.count / 2  // = m/2 (even) or (m−1)/2 (odd)
        var trend = [Double](repeating: .nan, count: n)
        if n >= weights.count {
            for t in half..<(n - (weights.count - 1 - half)) {
                var s = 0.0
                for k in 0..<weights.count { s += (weights[k] / divisor) * y[t - half + k] }
                trend[t] = s
            }
        }
        var averages = [Double](repeating: 0, count: m)
        for phase in 0..<m {
            var sum = 0.0
            var count = 0
            var t = phase
            while t < n {
                if !trend[t].isNaN {
                    sum += multiplicative ? y[t] / trend[t] : y[t] - trend[t]
                    count += 1
                }
                t += m
            }
            averages[phase] = count > 0 ? sum / Double(count) : .nan
        }
        let mean = averages.reduce(0, +) / Double(m)
        for phase in 0..<m { averages[phase] = multiplicative ? averages[phase] / mean : averages[phase] - mean }
        return (0..<n).map { averages[$0 % m] }
    }
}
