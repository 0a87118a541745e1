// Maximum-likelihood estimation of one ETS model.
//
// Goal: statsforecast 2.1.1's `etsmodel` (ets.py) with the C++ objective and Nelder–Mead
// (src/ets.cpp `ObjectiveFunction`, `Optimize`): the free smoothing parameters and the initial
// states are optimised together, the smoothing parameters boxed by ``ETSParameterBounds``, the
// states unbounded; the criterion is −2 log L of the Gaussian innovations model. Fixed parameters
// are left out of the search vector (statsforecast keeps them as inert coordinates).
// With `optimiseStates: false` the initial states stay at their heuristic values and only the
// smoothing parameters are searched (for additive errors the criterion n·log SSE then ranks
// exactly as the in-sample one-step SSE) — the fast fit of the automatic selection.
// Sources: Hyndman et al. (2008), *Forecasting with Exponential Smoothing*, §5.2 (likelihood),
// §5.3 (estimation); Hyndman & Khandakar (2008), *JSS* 27(3), doi:10.18637/jss.v027.i03.

enum ETSEstimator {
    /// Fits one model. Returns `nil` when it has as many parameters as observations − 1
    /// (statsforecast gives such a model an infinite AICc).
    static func fit(
        _ y: [Double], m mIn: Int, specification spec: ETSSpecification, fixed: ETSSmoothingParameters,
        bounds: inout ETSParameterBounds, configuration: NelderMead.Configuration = .statsforecastETS,
        optimiseStates: Bool = true
    ) throws(ForecastError) -> ETSFit? {
        let m = spec.hasSeason ? mIn : 1
        let start = ETSInitialization.startingValues(fixed: fixed, specification: spec, m: m, bounds: &bounds)
        let initial = try ETSInitialization.initialState(y, m: m, specification: spec)
        let nState = initial.count
        // Free smoothing parameters in the order α, β, γ, φ.
        let free = (
            alpha: fixed.alpha == nil, beta: spec.hasTrend && fixed.beta == nil, gamma: spec.hasSeason && fixed.gamma == nil,
            phi: spec.damped && fixed.phi == nil
        )
        var x0: [Double] = []
        var lower: [Double] = []
        var upper: [Double] = []
        for (isFree, value, index) in [
            (free.alpha, start.alpha, 0), (free.beta, start.beta, 1), (free.gamma, start.gamma, 2), (free.phi, start.phi, 3),
        ] where isFree {
            x0.append(value!)
            lower.append(bounds.lower[index])
            upper.append(bounds.upper[index])
        }
        let smoothingCount = x0.count
        // statsforecast counts every smoothing parameter it carries (fixed ones included) plus the states.
        let carried = 1 + (spec.hasTrend ? 1 : 0) + (spec.hasSeason ? 1 : 0) + (spec.damped ? 1 : 0)
        let np = carried + nState
        guard np < y.count - 1 else { return nil }
        if optimiseStates {
            x0 += initial
            lower += Array(repeating: -.infinity, count: nState)
            upper += Array(repeating: .infinity, count: nState)
        }

        let fixedAlpha = start.alpha!
        let fixedBeta = spec.hasTrend ? start.beta! : 0
        let fixedGamma = spec.hasSeason ? start.gamma! : 0
        let fixedPhi = spec.damped ? start.phi! : 1
        let fullStateCount = nState + (spec.hasSeason ? 1 : 0)
        var state = [Double](repeating: 0, count: fullStateCount)
        var ring = [Double](repeating: 0, count: max(m, 1))
        let seasonStart = spec.hasTrend ? 2 : 1
        let seasonalTarget = spec.season == .multiplicative ? Double(m) : 0

        func parameters(_ x: UnsafeBufferPointer<Double>) -> (Double, Double, Double, Double) {
            var j = 0
            var a = fixedAlpha, b = fixedBeta, g = fixedGamma, p = fixedPhi
            if free.alpha { a = x[j]; j += 1 }
            if free.beta { b = x[j]; j += 1 }
            if free.gamma { g = x[j]; j += 1 }
            if free.phi { p = x[j]; j += 1 }
            return (a, b, g, p)
        }

        let fastPath = spec.error == .additive && !spec.hasSeason && spec.trend != .multiplicative
        // The two-steps-at-a-time form only where statsforecast agreement is not the goal.
        let linearPath = fastPath && spec.trend == .additive && !optimiseStates
        let result = y.withBuffer { yb in
            state.withUnsafeMutableBufferPointer { sb in
                ring.withUnsafeMutableBufferPointer { rb in
                    NelderMead.minimize(x0, lower: lower, upper: upper, configuration: configuration) { x in
                        let (a, b, g, p) = parameters(x)
                        for k in 0..<nState { sb[k] = optimiseStates ? x[smoothingCount + k] : initial[k] }
                        if spec.hasSeason {
                            var sum = 0.0
                            for k in seasonStart..<nState { sum += sb[k] }
                            sb[nState] = seasonalTarget - sum
                            if spec.season == .multiplicative {
                                for k in seasonStart..<fullStateCount where sb[k] < 0 { return .infinity }
                            }
                        }
                        var lik =
                            linearPath
                            ? ETSKernel.criterionDampedTrendLinear(yb, level: sb[0], trend: sb[1], alpha: a, beta: b, phi: p)
                            : fastPath
                                ? ETSKernel.criterionAdditiveNonSeasonal(
                                    yb, level: sb[0], trend: spec.hasTrend ? sb[1] : 0, hasTrend: spec.hasTrend, alpha: a,
                                    beta: b, phi: p)
                                : ETSKernel.filter(
                                    yb, initial: UnsafeBufferPointer(sb), specification: spec, alpha: a, beta: b, gamma: g,
                                    phi: p, m: m,
                                    ring: rb.baseAddress!, residuals: nil
                                ).criterion
                        lik = max(lik, -1e10)
                        if lik.isNaN || abs(lik + 99999.0) < 1e-7 { lik = -.infinity }
                        return lik
                    }
                }
            }
        }
        let (alpha, beta, gamma, phi) = result.x.withBuffer(parameters)
        var initialState = optimiseStates ? Array(result.x[smoothingCount...]) : initial
        if spec.hasSeason {
            initialState.append(seasonalTarget - initialState[seasonStart...].reduce(0, +))
        }
        return evaluate(
            y, m: m, specification: spec, alpha: alpha, beta: beta, gamma: gamma, phi: phi, initialState: initialState,
            parameterCount: np + 1)
    }

    /// Filters `y` with given parameters and initial state and computes the fit statistics
    /// (statsforecast `pegelsresid_C` and the AIC block of `etsmodel`).
    static func evaluate(
        _ y: [Double], m: Int, specification spec: ETSSpecification, alpha: Double, beta: Double, gamma: Double, phi: Double,
        initialState: [Double], parameterCount k: Int
    ) -> ETSFit {
        let n = y.count
        var residuals = [Double](repeating: .nan, count: n)
        var ring = [Double](repeating: 0, count: max(m, 1))
        let phiUsed = spec.damped ? phi : 1.0
        let run = y.withBuffer { yb in
            initialState.withBuffer { ib in
                residuals.withUnsafeMutableBufferPointer { eb in
                    ring.withUnsafeMutableBufferPointer { rb in
                        ETSKernel.filter(
                            yb, initial: ib, specification: spec, alpha: alpha, beta: spec.hasTrend ? beta : 0,
                            gamma: spec.hasSeason ? gamma : 0, phi: phiUsed, m: m, ring: rb.baseAddress!,
                            residuals: eb.baseAddress!)
                    }
                }
            }
        }
        var lik = run.criterion
        if abs(lik + 99999) < 1e-7 { lik = .nan }
        let aic = lik + 2 * Double(k)
        let aicc = n - k - 1 != 0 ? aic + 2 * Double(k) * Double(k + 1) / Double(n - k - 1) : .infinity
        var sse = 0.0
        for e in residuals { sse += e * e }
        let seasonal: [Double] =
            spec.hasSeason ? (0..<m).map { ring[(run.head + $0) % m] } : []
        let fitted =
            spec.error == .additive
            ? (0..<n).map { y[$0] - residuals[$0] }
            : (0..<n).map { y[$0] / (1 + residuals[$0]) }
        return ETSFit(
            specification: spec, seasonLength: m, alpha: alpha, beta: spec.hasTrend ? beta : .nan,
            gamma: spec.hasSeason ? gamma : .nan, phi: spec.damped ? phi : .nan, initialState: initialState,
            finalState: ETSState(
                specification: spec, seasonLength: m, phi: phiUsed, level: run.level, trend: spec.hasTrend ? run.trend : 0,
                seasonal: seasonal),
            residuals: residuals, fitted: fitted, logLikelihood: -0.5 * lik, aicc: aicc, aic: aic,
            sigma2: sse / Double(n - k - 1), parameterCount: k)
    }
}
