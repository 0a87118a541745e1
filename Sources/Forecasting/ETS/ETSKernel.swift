// The ETS state-space recursions.
//
// Goals, in order: (1) the same arithmetic as statsforecast 2.1.1's src/ets.cpp (`Update`,
// `Forecast`, `Calc`), itself a port of the R forecast package's etscalc.c, so that fits and
// forecasts agree with it; (2) no allocation and no per-step copying in the filter, which the
// optimiser calls thousands of times per series: the seasonal indices live in a ring buffer
// instead of being copied every step (the values and the order of operations are unchanged).
// Sources: Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with Exponential Smoothing: the
// State Space Approach*, Springer, ch. 2 and Tables 2.2–2.3; Hyndman & Khandakar (2008), *JSS* 27(3).

import RealModule

/// ETS filtering and forecasting on raw buffers.
enum ETSKernel {
    static let huge = 1e10
    static let notAvailable = -99999.0
    static let tolerance = 1e-10

    /// Forecasts for horizons 1…out.count from a state whose seasonal indices are in logical order
    /// (`seasonal[0]` newest). See ``ETSState/forecast(h:)``.
    static func forecast(
        into out: inout [Double], level l: Double, trend b: Double, seasonal s: [Double], m: Int,
        specification spec: ETSSpecification, phi: Double
    ) {
        var phistar = phi
        let h = out.count
        for i in 0..<h {
            var f: Double
            switch spec.trend {
            case .none: f = l
            case .additive: f = l + phistar * b
            case .multiplicative: f = b < 0 ? .nan : l * Double.pow(b, phistar)
            }
            if spec.hasSeason && !s.isEmpty {
                var j = m - 1 - i
                while j < 0 { j += m }
                if spec.season == .additive { f += s[j] } else { f *= s[j] }
            }
            out[i] = f
            if i < h - 1 {
                if abs(phi - 1.0) < tolerance { phistar += 1.0 } else { phistar += Double.pow(phi, Double(i + 1)) }
            }
        }
    }

    /// Runs the filter over `y` from an initial state and returns statsforecast's likelihood
    /// criterion `n log Σ e_t²` (+ `2 Σ log|ŷ_t|` for multiplicative errors), i.e. −2 log L up to
    /// a constant (Hyndman et al. 2008, §5.1).
    ///
    /// - Parameters:
    ///   - initial: ℓ₀, b₀ (if trend), s₀…s_{m−1} (if seasonal, all m, newest first).
    ///   - ring: scratch of m values; on return the final seasonal indices, newest at `head`.
    ///   - residuals: where to write e_t (additive: `y − ŷ`; multiplicative: `(y − ŷ)/ŷ`), or nil.
    /// - Returns: the criterion, the final level and trend, and the ring head.
    @inline(__always)
    static func filter(
        _ y: UnsafeBufferPointer<Double>, initial: UnsafeBufferPointer<Double>, specification spec: ETSSpecification,
        alpha: Double, beta: Double, gamma: Double, phi: Double, m mIn: Int,
        ring: UnsafeMutablePointer<Double>, residuals: UnsafeMutablePointer<Double>?
    ) -> (criterion: Double, level: Double, trend: Double, head: Int) {
        let hasTrend = spec.trend != .none
        let season = spec.season
        let m = season == .none ? 1 : max(mIn, 1)
        var l = initial[0]
        var b = hasTrend ? initial[1] : 0.0
        if season != .none {
            let offset = hasTrend ? 2 : 1
            for k in 0..<m { ring[k] = initial[offset + k] }
        }
        var head = 0
        let multiplicativeError = spec.error == .multiplicative
        let betaOverAlpha = beta / alpha
        var lik = 0.0
        var lik2 = 0.0
        for i in 0..<y.count {
            let oldL = l
            let oldB = b
            let oldestIndex = head == 0 ? m - 1 : head - 1
            let oldS = season == .none ? 0.0 : ring[oldestIndex]
            // One-step forecast (statsforecast Forecast with h = 1).
            var f: Double
            var phiB = 0.0
            var q: Double
            switch spec.trend {
            case .none:
                f = oldL
                q = oldL
            case .additive:
                f = oldL + phi * oldB
                phiB = phi * oldB
                q = oldL + phiB
            case .multiplicative:
                f = oldB < 0 ? .nan : oldL * Double.pow(oldB, phi)
                if abs(phi - 1.0) < tolerance {
                    phiB = oldB
                    q = oldL * oldB
                } else {
                    phiB = Double.pow(oldB, phi)
                    q = oldL * phiB
                }
            }
            switch season {
            case .none: break
            case .additive: f += oldS
            case .multiplicative: f *= oldS
            }
            if abs(f - notAvailable) < tolerance { return (notAvailable, l, b, head) }
            let yi = y[i]
            let e: Double
            if multiplicativeError {
                let f0 = abs(f) < tolerance ? f + tolerance : f
                e = (yi - f) / f0
            } else {
                e = yi - f
            }
            residuals?[i] = e
            // Update (statsforecast Update).
            let p: Double
            switch season {
            case .none: p = yi
            case .additive: p = yi - oldS
            case .multiplicative: p = abs(oldS) < tolerance ? huge : yi / oldS
            }
            l = q + alpha * (p - q)
            if hasTrend {
                let r: Double
                if spec.trend == .additive {
                    r = l - oldL
                } else {
                    r = abs(oldL) < tolerance ? huge : l / oldL
                }
                b = phiB + betaOverAlpha * (r - phiB)
            }
            if season != .none {
                let t: Double
                if season == .additive {
                    t = yi - q
                } else {
                    t = abs(q) < tolerance ? huge : yi / q
                }
                ring[oldestIndex] = oldS + gamma * (t - oldS)
                head = oldestIndex
            }
            lik += e * e
            if multiplicativeError {
                let v = abs(f)
                lik2 += v > 0 ? Double.log(v) : Double.log(v + 1e-8)
            }
        }
        lik = lik > 0 ? Double(y.count) * Double.log(lik) : Double(y.count) * Double.log(lik + 1e-8)
        if multiplicativeError { lik += 2 * lik2 }
        return (lik, l, b, head)
    }

    /// ``filter(_:initial:specification:alpha:beta:gamma:phi:m:ring:residuals:)`` for additive
    /// errors without seasonality (ETS(A,N,N), (A,A,N), (A,Ad,N)) with the branches taken out of
    /// the loop: the same operations in the same order, so the same criterion bit for bit (only
    /// statsforecast's check for a forecast equal to its −99999 "not available" marker is left out).
    @inline(__always)
    static func criterionAdditiveNonSeasonal(
        _ y: UnsafeBufferPointer<Double>, level l0: Double, trend b0: Double, hasTrend: Bool, alpha: Double, beta: Double,
        phi: Double
    ) -> Double {
        var l = l0
        var b = hasTrend ? b0 : 0
        var lik = 0.0
        if hasTrend {
            let betaOverAlpha = beta / alpha
            for i in 0..<y.count {
                let oldL = l
                let phiB = phi * b
                let q = oldL + phiB
                let e = y[i] - q
                l = q + alpha * (y[i] - q)
                b = phiB + betaOverAlpha * ((l - oldL) - phiB)
                lik += e * e
            }
        } else {
            for i in 0..<y.count {
                let e = y[i] - l
                l = l + alpha * (y[i] - l)
                lik += e * e
            }
        }
        return lik > 0 ? Double(y.count) * Double.log(lik) : Double(y.count) * Double.log(lik + 1e-8)
    }

    /// The criterion of ETS(A,Ad,N) (φ = 1: ETS(A,A,N)) computed from the model's linear state
    /// form, two steps at a time — for the fast fits of the automatic selection, not for matching
    /// statsforecast (rounding differs in the last bits).
    ///
    /// With `x_t = (ℓ_t, b_t)` the recursions of Hyndman et al. (2008, Table 2.2) are
    /// `x_t = A x_{t−1} + g y_t`, `A = [[1−α, φ(1−α)], [−β, φ(1−β)]]`, `g = (α, β)`, and the
    /// one-step forecast is `ŷ_t = w·x_{t−1}`, `w = (1, φ)`. Two steps use `A²`, `Ag` and `wA`, so
    /// the chain of dependent operations is one matrix–vector product per two observations
    /// instead of ten operations per observation.
    static func criterionDampedTrendLinear(
        _ y: UnsafeBufferPointer<Double>, level l0: Double, trend b0: Double, alpha: Double, beta: Double, phi: Double
    ) -> Double {
        let a11 = 1 - alpha, a12 = phi * (1 - alpha), a21 = -beta, a22 = phi * (1 - beta)
        // A²
        let c11 = a11 * a11 + a12 * a21, c12 = a11 * a12 + a12 * a22
        let c21 = a21 * a11 + a22 * a21, c22 = a21 * a12 + a22 * a22
        // A g
        let ag1 = a11 * alpha + a12 * beta, ag2 = a21 * alpha + a22 * beta
        // w A and w g
        let wa1 = a11 + phi * a21, wa2 = a12 + phi * a22, wg = alpha + phi * beta
        var l = l0, b = b0
        var sse = 0.0
        let n = y.count
        var i = 0
        while i + 1 < n {
            let y1 = y[i], y2 = y[i + 1]
            let e1 = y1 - (l + phi * b)
            let e2 = y2 - (wa1 * l + wa2 * b + wg * y1)
            let nl = c11 * l + c12 * b + ag1 * y1 + alpha * y2
            let nb = c21 * l + c22 * b + ag2 * y1 + beta * y2
            l = nl
            b = nb
            sse += e1 * e1 + e2 * e2
            i += 2
        }
        if i < n {
            let e = y[i] - (l + phi * b)
            sse += e * e
        }
        return sse > 0 ? Double(n) * Double.log(sse) : Double(n) * Double.log(sse + 1e-8)
    }
}
