extension SimpleExponentialSmoothing {
    /// One pass: the SES forecast after each prefix, `G(0) = y₀`, `G(k) = α y_{k−1} + (1 − α) G(k−1)`
    /// (`y₀` itself for a prefix of one value) — the arithmetic of ``SESKernel/forecast(alpha:_:)``.
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        guard let first = origins.first, first >= 1, origins.upperBound <= y.count, let alpha = fit.parameters["alpha"] else {
            return try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
        }
        let complement = 1.0 - alpha
        var out = [Double](repeating: 0, count: origins.count * horizon)
        var g = y[0]
        var k = 1
        for (row, origin) in origins.enumerated() {
            while k < origin {
                g = alpha * y[k - 1] + complement * g
                k += 1
            }
            let f = origin == 1 ? y[0] : alpha * y[origin - 1] + complement * g
            for h in 0..<horizon { out[row * horizon + h] = f }
        }
        return out
    }
}

extension MovingAverageModel {
    /// The trailing mean at each origin (NaN-free: origins shorter than the window use the default path).
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        let w = window
        guard let first = origins.first, first >= w, w >= 1, origins.upperBound <= y.count else {
            return try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
        }
        var out = [Double](repeating: 0, count: origins.count * horizon)
        for (row, origin) in origins.enumerated() {
            var sum = 0.0
            for t in (origin - w)..<origin { sum += y[t] }
            let f = sum / Double(w)
            for h in 0..<horizon { out[row * horizon + h] = f }
        }
        return out
    }
}

extension ForecastModel {
    /// The generic rolling evaluation (``apply(_:to:options:)`` on every prefix).
    func defaultRolling(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int) throws(ForecastError)
        -> [Double]
    {
        var out: [Double] = []
        out.reserveCapacity(origins.count * horizon)
        let options = FitOptions(fittedValues: false)
        for origin in origins {
            out += try apply(fit, to: Array(y[0..<origin]), options: options).forecast(h: horizon)
        }
        return out
    }
}
