/// The ETS filter one observation at a time, for rolling-origin forecasts in one pass. Same
/// arithmetic as ``ETSKernel/filter(_:initial:specification:alpha:beta:gamma:phi:m:ring:residuals:)``
/// (additive or no trend; statsforecast's forms).
struct ETSStepper {
    let specification: ETSSpecification
    let alpha: Double, beta: Double, gamma: Double, phi: Double
    let m: Int
    private(set) var level: Double
    private(set) var trend: Double
    private var ring: [Double]
    private var head = 0

    /// Starts from an initial state `[ℓ₀, b₀?, s₀…s_{m−1}?]`.
    init(specification: ETSSpecification, alpha: Double, beta: Double, gamma: Double, phi: Double, m: Int, initial: [Double]) {
        self.specification = specification
        self.alpha = alpha
        self.beta = specification.hasTrend ? beta : 0
        self.gamma = specification.hasSeason ? gamma : 0
        self.phi = specification.damped ? phi : 1
        self.m = specification.hasSeason ? max(m, 1) : 1
        level = initial[0]
        trend = specification.hasTrend ? initial[1] : 0
        let offset = specification.hasTrend ? 2 : 1
        ring = specification.hasSeason ? Array(initial[offset..<(offset + self.m)]) : [0]
    }

    /// Feeds one observation.
    mutating func step(_ y: Double) {
        let spec = specification
        let oldL = level
        let oldB = trend
        let oldestIndex = head == 0 ? m - 1 : head - 1
        let oldS = spec.hasSeason ? ring[oldestIndex] : 0
        var phiB = 0.0
        var q = oldL
        if spec.trend == .additive {
            phiB = phi * oldB
            q = oldL + phiB
        }
        let p: Double
        switch spec.season {
        case .none: p = y
        case .additive: p = y - oldS
        case .multiplicative: p = abs(oldS) < ETSKernel.tolerance ? ETSKernel.huge : y / oldS
        }
        level = q + alpha * (p - q)
        if spec.trend == .additive {
            trend = phiB + (beta / alpha) * ((level - oldL) - phiB)
        }
        if spec.hasSeason {
            let t: Double
            if spec.season == .additive {
                t = y - q
            } else {
                t = abs(q) < ETSKernel.tolerance ? ETSKernel.huge : y / q
            }
            ring[oldestIndex] = oldS + gamma * (t - oldS)
            head = oldestIndex
        }
    }

    /// Forecasts 1…h from the current state.
    func forecast(h: Int) -> [Double] {
        var out = [Double](repeating: 0, count: h)
        let seasonal = specification.hasSeason ? (0..<m).map { ring[(head + $0) % m] } : []
        ETSKernel.forecast(
            into: &out, level: level, trend: trend, seasonal: seasonal, m: m, specification: specification, phi: phi)
        return out
    }
}

extension ExponentialSmoothingModel {
    /// One pass of the filter from the fitted initial state, forecasting at each origin.
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        guard case .exponentialSmoothing(let last) = fit.path, last.specification.trend != .multiplicative,
            let alpha = fit.parameters["alpha"], let first = origins.first, first >= 1, origins.upperBound <= y.count
        else {
            return try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
        }
        let spec = last.specification
        let m = last.seasonLength
        var initial: [Double] = [fit.parameters["initial_level"] ?? .nan]
        if spec.hasTrend { initial.append(fit.parameters["initial_trend"] ?? .nan) }
        if spec.hasSeason { initial += (0..<m).map { fit.parameters["initial_seasonal_\($0)"] ?? .nan } }
        var stepper = ETSStepper(
            specification: spec, alpha: alpha, beta: fit.parameters["beta"] ?? 0, gamma: fit.parameters["gamma"] ?? 0,
            phi: fit.parameters["phi"] ?? 1, m: m, initial: initial)
        var t = 0
        var out: [Double] = []
        out.reserveCapacity(origins.count * horizon)
        for origin in origins {
            while t < origin {
                stepper.step(y[t])
                t += 1
            }
            out += stepper.forecast(h: horizon)
        }
        return out
    }
}
