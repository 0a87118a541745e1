// Simple exponential smoothing kernels shared by SES and the intermittent-demand methods.
//
// Goals, in order: (1) the same numbers as statsforecast 2.1.1 (src/ses.cpp: `ses_sse`,
// `ses_forecast`, `golden_section_ses`, `chunk_forecast`) bit for bit where the arithmetic is the
// same — the same expressions in the same order, no fused multiply-add; (2) no allocation in the
// loops, which run millions of times in the automatic selection.
// Sources: Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed.), §8.1;
// Kiefer (1953) for the golden-section search.

/// Simple exponential smoothing on raw buffers.
enum SESKernel {
    /// Sum of squared one-step errors of SES with level initialised to `x[0]`:
    /// `f₁ = x₀`, `f_{t+1} = α x_t + (1 − α) f_t`, SSE = Σ_{t≥1} (x_t − f_t)². 0 for fewer than 2 values.
    @inline(__always)
    static func sse(alpha: Double, _ x: UnsafeBufferPointer<Double>) -> Double {
        guard x.count >= 2 else { return 0 }
        let complement = 1.0 - alpha
        var forecast = x[0]
        var sse = 0.0
        for i in 1..<x.count {
            forecast = alpha * x[i - 1] + complement * forecast
            let err = x[i] - forecast
            sse += err * err
        }
        return sse
    }

    /// The SES forecast after the last value: `α x_{n−1} + (1 − α) f_{n−1}` (just `x₀` for one value).
    @inline(__always)
    static func forecast(alpha: Double, _ x: UnsafeBufferPointer<Double>) -> Double {
        precondition(!x.isEmpty)
        let complement = 1.0 - alpha
        var fitted = x[0]
        guard x.count > 1 else { return x[0] }
        for i in 1..<x.count {
            fitted = alpha * x[i - 1] + complement * fitted
        }
        return alpha * x[x.count - 1] + complement * fitted
    }

    /// The forecast and the in-sample fitted values (`fitted[0]` = NaN, `fitted[t]` = forecast of
    /// `x[t]` made at `t − 1`), as statsforecast's `ses_forecast`.
    static func forecastAndFitted(alpha: Double, _ x: UnsafeBufferPointer<Double>) -> (forecast: Double, fitted: [Double]) {
        precondition(!x.isEmpty)
        if x.count == 1 { return (x[0], [.nan]) }
        let complement = 1.0 - alpha
        var fitted = [Double](repeating: 0, count: x.count)
        fitted[0] = x[0]
        for i in 1..<x.count {
            fitted[i] = alpha * x[i - 1] + complement * fitted[i - 1]
        }
        let forecast = alpha * x[x.count - 1] + complement * fitted[x.count - 1]
        fitted[0] = .nan
        return (forecast, fitted)
    }

    /// α ∈ [`lower`, `upper`] minimising ``sse(alpha:_:)`` by golden-section search, stopped when
    /// the bracket is narrower than `tolerance` (statsforecast: 1e-12) or the two inner values tie;
    /// returns the bracket midpoint.
    static func goldenSection(_ x: UnsafeBufferPointer<Double>, lower: Double, upper: Double, tolerance: Double = 1e-12) -> Double
    {
        let gr = ((5.0).squareRoot() + 1.0) / 2.0
        var a = lower
        var b = upper
        var c = b - (b - a) / gr
        var d = a + (b - a) / gr
        var fc = sse(alpha: c, x)
        var fd = sse(alpha: d, x)
        while abs(b - a) >= tolerance {
            if fc < fd {
                b = d
                d = c
                fd = fc
                c = b - (b - a) / gr
                fc = sse(alpha: c, x)
            } else if fd < fc {
                a = c
                c = d
                fc = fd
                d = a + (b - a) / gr
                fd = sse(alpha: d, x)
            } else {
                break
            }
        }
        return (b + a) / 2.0
    }

    /// statsforecast's `chunk_forecast`: drop the first `n mod k` values, sum non-overlapping
    /// blocks of `k` (aligned to the end of the series), and forecast the block sums by SES with α
    /// from a golden-section search on [0.1, 0.3]. One block → its sum; no full block → the last value.
    /// `scratch` must hold at least `n / k` values. A given `alpha` skips the search.
    static func chunkForecast(
        _ y: UnsafeBufferPointer<Double>, level k: Int, scratch: UnsafeMutableBufferPointer<Double>, tolerance: Double,
        alpha fixedAlpha: Double? = nil
    ) -> (forecast: Double, alpha: Double?) {
        let n = y.count
        let lost = n % k
        let nCut = n - lost
        if nCut < k { return (y[n - 1], nil) }
        let chunks = nCut / k
        for i in 0..<chunks {
            var s = 0.0
            let base = lost + i * k
            for j in 0..<k { s += y[base + j] }
            scratch[i] = s
        }
        if chunks <= 1 { return (scratch[0], nil) }
        let sums = UnsafeBufferPointer(rebasing: scratch[0..<chunks])
        let alpha = fixedAlpha ?? goldenSection(sums, lower: 0.1, upper: 0.3, tolerance: tolerance)
        return (forecast(alpha: alpha, sums), alpha)
    }
}

extension Array where Element == Double {
    /// Calls `body` with the array's buffer (never allocates for a non-empty array).
    @inline(__always)
    func withBuffer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer(body)
    }
}
