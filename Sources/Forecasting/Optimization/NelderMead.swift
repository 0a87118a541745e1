// Bounded Nelder–Mead simplex minimisation.
//
// Goals, in order: (1) the same iterates as statsforecast 2.1.1's `nm::NelderMead`
// (include/statsforecast/nelder_mead.h), so that ETS fits agree with it: adaptive coefficients
// (Gao & Han 2012), bounds enforced by clamping every trial point into the box, a stop when the
// population standard deviation of the vertex values falls below `tolerance`; (2) deterministic:
// no randomness, ties in the vertex order broken by index (a stable sort); (3) no allocation inside
// the iteration — all vectors live in one buffer allocated per call.
// Sources: Nelder & Mead (1965), *Computer Journal* 7(4), 308–313, doi:10.1093/comjnl/7.4.308;
// Gao & Han (2012), *Comput. Optim. Appl.* 51, 259–277, doi:10.1007/s10589-010-9329-3.

/// Bounded, deterministic Nelder–Mead.
public enum NelderMead {
    /// Settings of the search.
    public struct Configuration: Hashable, Sendable {
        /// Relative size of the initial simplex: vertex i moves coordinate i by `x_i · initialStep`.
        public var initialStep: Double
        /// Step used instead when a coordinate is exactly 0.
        public var zeroPerturbation: Double
        /// Stop when the standard deviation of the vertex values is below this.
        public var tolerance: Double
        /// At most this many iterations.
        public var maxIterations: Int
        /// Reflection, expansion, contraction and shrink coefficients; with `adaptive` the last
        /// three become `1 + 2/n`, `0.75 − 1/(2n)`, `1 − 1/n` (Gao & Han 2012).
        public var reflection = 1.0, expansion = 2.0, contraction = 0.5, shrink = 0.5
        /// Whether to use dimension-dependent coefficients.
        public var adaptive = true

        /// Creates a configuration.
        public init(
            initialStep: Double = 0.05, zeroPerturbation: Double = 1e-4, tolerance: Double = 1e-4, maxIterations: Int = 1000
        ) {
            self.initialStep = initialStep
            self.zeroPerturbation = zeroPerturbation
            self.tolerance = tolerance
            self.maxIterations = maxIterations
        }

        /// statsforecast's ETS settings: step 0.05, zero step 1e-4, tolerance 1e-4, 1 000 iterations.
        public static let statsforecastETS = Configuration()
        /// The same, used for other in-sample SSE fits (TSB, fast ETS).
        public static let fitting = Configuration()
    }

    /// The result of a search.
    public struct Result: Sendable {
        /// The best vertex.
        public var x: [Double]
        /// Its objective value.
        public var value: Double
        /// Iterations used.
        public var iterations: Int
    }

    /// Minimises `objective` over the box [`lower`, `upper`] (±∞ for unbounded coordinates) from `x0`.
    public static func minimize(
        _ x0: [Double], lower: [Double], upper: [Double], configuration c: Configuration = .fitting,
        objective: (UnsafeBufferPointer<Double>) -> Double
    ) -> Result {
        let n = x0.count
        precondition(lower.count == n && upper.count == n)
        guard n > 0 else { return Result(x: [], value: x0.withBuffer(objective), iterations: 0) }
        var gamma = c.expansion, rho = c.contraction, sigma = c.shrink
        if c.adaptive {
            gamma = 1.0 + 2.0 / Double(n)
            rho = 0.75 - 1.0 / (2.0 * Double(n))
            sigma = 1.0 - 1.0 / Double(n)
        }
        let alpha = c.reflection
        // Layout of one buffer: simplex (n+1)×n, values n+1, centroid, reflected, trial (n each).
        var storage = [Double](repeating: 0, count: (n + 1) * n + (n + 1) + 3 * n)
        var order = [Int](repeating: 0, count: n + 1)
        var bestIndex = 0
        var iteration = 0
        storage.withUnsafeMutableBufferPointer { all in
            let s = all.baseAddress!
            let f = s + (n + 1) * n
            let xo = f + (n + 1)
            let xr = xo + n
            let xt = xr + n
            @inline(__always) func clampInto(_ p: UnsafeMutablePointer<Double>) {
                for k in 0..<n { p[k] = Swift.min(Swift.max(p[k], lower[k]), upper[k]) }
            }
            @inline(__always) func value(_ p: UnsafeMutablePointer<Double>) -> Double {
                objective(UnsafeBufferPointer(start: p, count: n))
            }
            for i in 0...n {
                for k in 0..<n { s[i * n + k] = x0[k] }
                clampInto(s + i * n)
            }
            for i in 0..<n {
                var v = s[i * n + i]
                v = v == 0 ? c.zeroPerturbation : v * (1.0 + c.initialStep)
                s[i * n + i] = Swift.min(Swift.max(v, lower[i]), upper[i])
            }
            for i in 0...n { f[i] = value(s + i * n) }
            while iteration < c.maxIterations {
                // Stable insertion sort of the vertex indexes by value.
                for i in 0...n { order[i] = i }
                for i in stride(from: 1, through: n, by: 1) {
                    let key = order[i]
                    var j = i - 1
                    while j >= 0 && f[key] < f[order[j]] {
                        order[j + 1] = order[j]
                        j -= 1
                    }
                    order[j + 1] = key
                }
                bestIndex = order[0]
                let worst = order[n], secondWorst = order[n - 1]
                var mean = 0.0
                for i in 0...n { mean += f[i] }
                mean /= Double(n + 1)
                var variance = 0.0
                for i in 0...n { variance += (f[i] - mean) * (f[i] - mean) }
                if (variance / Double(n + 1)).squareRoot() < c.tolerance { break }
                iteration += 1
                let w = s + worst * n
                for k in 0..<n {
                    var sum = 0.0
                    for i in 0...n { sum += s[i * n + k] }
                    xo[k] = (sum - w[k]) / Double(n)
                }
                for k in 0..<n { xr[k] = xo[k] + alpha * (xo[k] - w[k]) }
                clampInto(xr)
                let fr = value(xr)
                if f[bestIndex] <= fr && fr < f[secondWorst] {
                    for k in 0..<n { w[k] = xr[k] }
                    f[worst] = fr
                    continue
                }
                if fr < f[bestIndex] {
                    for k in 0..<n { xt[k] = xo[k] + gamma * (xr[k] - xo[k]) }
                    clampInto(xt)
                    let fe = value(xt)
                    if fe < fr {
                        for k in 0..<n { w[k] = xt[k] }
                        f[worst] = fe
                    } else {
                        for k in 0..<n { w[k] = xr[k] }
                        f[worst] = fr
                    }
                    continue
                }
                if f[secondWorst] <= fr && fr < f[worst] {
                    for k in 0..<n { xt[k] = xo[k] + rho * (xr[k] - xo[k]) }
                    clampInto(xt)
                    let fc = value(xt)
                    if fc <= fr {
                        for k in 0..<n { w[k] = xt[k] }
                        f[worst] = fc
                        continue
                    }
                } else {
                    for k in 0..<n { xt[k] = xo[k] - rho * (xr[k] - xo[k]) }
                    clampInto(xt)
                    let fc = value(xt)
                    if fc < f[worst] {
                        for k in 0..<n { w[k] = xt[k] }
                        f[worst] = fc
                        continue
                    }
                }
                let b = s + bestIndex * n
                for j in 0...n where j != bestIndex {
                    let r = s + j * n
                    for k in 0..<n { r[k] = b[k] + sigma * (r[k] - b[k]) }
                    clampInto(r)
                    f[j] = value(r)
                }
            }
        }
        let x = Array(storage[(bestIndex * n)..<(bestIndex * n + n)])
        return Result(x: x, value: storage[(n + 1) * n + bestIndex], iterations: iteration + 1)
    }
}
