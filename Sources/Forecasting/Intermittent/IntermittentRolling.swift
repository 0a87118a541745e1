extension CrostonModel {
    /// One pass: size and interval SES updated at each demand; the forecast after each prefix as
    /// ``fit(_:options:)`` would give it (naive — the last value — before the first demand).
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        let alphas: (Double, Double)? =
            variant == .optimized
            ? fit.parameters["alpha_size"].flatMap { a in fit.parameters["alpha_interval"].map { (a, $0) } } : (alpha, alpha)
        guard let alphas, let first = origins.first, first >= 1, origins.upperBound <= y.count, !y.contains(where: { $0 < 0 })
        else {
            return try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
        }
        let factor = variant == .sba ? 0.95 : 1.0
        var sizes = SESAccumulator(alpha: alphas.0)
        var intervals = SESAccumulator(alpha: alphas.1)
        var previous = 0
        var t = 0
        var out = [Double](repeating: 0, count: origins.count * horizon)
        for (row, origin) in origins.enumerated() {
            while t < origin {
                if y[t] != 0 {
                    sizes.add(y[t])
                    intervals.add(Double(t + 1 - previous))
                    previous = t + 1
                }
                t += 1
            }
            var f: Double
            if sizes.count == 0 {
                f = y[origin - 1]
            } else {
                let z = sizes.forecast
                let p = intervals.forecast
                f = p != 0 ? z / p : z
                f *= factor
            }
            for h in 0..<horizon { out[row * horizon + h] = f }
        }
        return out
    }
}

extension TSBModel {
    /// One pass: probability SES over every period, size SES over the demands.
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        guard let ad = fit.parameters["alpha_d"], let ap = fit.parameters["alpha_p"], let first = origins.first, first >= 1,
            origins.upperBound <= y.count, !y.contains(where: { $0 < 0 })
        else {
            return try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
        }
        var probability = SESAccumulator(alpha: ap)
        var sizes = SESAccumulator(alpha: ad)
        var t = 0
        var out = [Double](repeating: 0, count: origins.count * horizon)
        for (row, origin) in origins.enumerated() {
            while t < origin {
                probability.add(y[t] != 0 ? 1.0 : 0.0)
                if y[t] > 0 { sizes.add(y[t]) }
                t += 1
            }
            let f = sizes.count == 0 ? 0 : probability.forecast * sizes.forecast
            for h in 0..<horizon { out[row * horizon + h] = f }
        }
        return out
    }
}

extension ADIDAModel {
    /// The fixed aggregation level and α applied to every prefix without allocation per origin.
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        guard let level = fit.parameters["aggregation_level"].map(Int.init), level >= 1, let first = origins.first, first >= 1,
            origins.upperBound <= y.count, !y.contains(where: { $0 < 0 })
        else {
            return try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
        }
        let alpha = fit.parameters["alpha"]
        var out = [Double](repeating: 0, count: origins.count * horizon)
        var scratch = [Double](repeating: 0, count: y.count / level + 1)
        let firstDemand = y.firstIndex { $0 != 0 } ?? y.count
        y.withBuffer { yb in
            scratch.withUnsafeMutableBufferPointer { sb in
                for (row, origin) in origins.enumerated() where origin > firstDemand {
                    let prefix = UnsafeBufferPointer(rebasing: yb[0..<origin])
                    let f = SESKernel.chunkForecast(prefix, level: level, scratch: sb, tolerance: 1e-12, alpha: alpha).forecast
                    for h in 0..<horizon { out[row * horizon + h] = f / Double(level) }
                }
            }
        }
        return out
    }
}

extension IMAPAModel {
    /// The fixed levels and their α applied to every prefix without allocation per origin.
    public func rollingForecasts(_ fit: FittedForecast, series y: [Double], origins: Range<Int>, horizon: Int)
        throws(ForecastError)
        -> [Double]
    {
        guard let maxLevel = fit.parameters["max_aggregation_level"].map(Int.init), maxLevel >= 1, let first = origins.first,
            first >= 1, origins.upperBound <= y.count, !y.contains(where: { $0 < 0 })
        else {
            return try defaultRolling(fit, series: y, origins: origins, horizon: horizon)
        }
        let alphas = (1...maxLevel).map { fit.parameters["alpha_\($0)"] ?? 0.1 }
        var out = [Double](repeating: 0, count: origins.count * horizon)
        var scratch = [Double](repeating: 0, count: y.count + 1)
        let firstDemand = y.firstIndex { $0 != 0 } ?? y.count
        y.withBuffer { yb in
            scratch.withUnsafeMutableBufferPointer { sb in
                for (row, origin) in origins.enumerated() where origin > firstDemand {
                    var total = 0.0
                    for k in 1...maxLevel {
                        let lost = origin % k
                        let chunks = (origin - lost) / k
                        guard chunks > 0 else { continue }
                        for i in 0..<chunks {
                            var s = 0.0
                            for j in 0..<k { s += yb[lost + i * k + j] }
                            sb[i] = s
                        }
                        total +=
                            SESKernel.forecast(alpha: alphas[k - 1], UnsafeBufferPointer(rebasing: sb[0..<chunks])) / Double(k)
                    }
                    let f = total / Double(maxLevel)
                    for h in 0..<horizon { out[row * horizon + h] = f }
                }
            }
        }
        return out
    }
}
