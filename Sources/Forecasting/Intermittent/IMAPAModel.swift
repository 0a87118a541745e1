/// IMAPA: intermittent multiple aggregation prediction algorithm.
///
/// For every aggregation level k = 1 … K, K = round(mean inter-demand interval) (half to even),
/// the series is cut to a multiple of k (first `n mod k` values dropped), summed over blocks of k,
/// forecast by SES with α from a golden-section search on [0.1, 0.3] and divided by k; the
/// forecast is the mean over the levels. All-zero series forecast 0. Fitted values as
/// statsforecast (`imapa_fitted_vals`, which rounds half away from zero).
/// Petropoulos & Kourentzes (2015), *JORS* 66(6), 914–924, doi:10.1057/jors.2014.62.
public struct IMAPAModel: ForecastModel, Hashable {
    /// Creates the model.
    public init() {}

    public var name: ModelName { .imapa }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validateNonNegative(y, model: name)
        guard y.contains(where: { $0 != 0 }) else { return IntermittentSeries.zeroFit(name, y.count, options: options) }
        let maxLevel = max(1, IntermittentSeries.roundHalfEven(IntermittentSeries.meanInterval(y)))
        return forecast(y, maxLevel: maxLevel, alphas: nil, options: options)
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validateNonNegative(y, model: name)
        guard let maxLevel = fit.parameters["max_aggregation_level"], y.contains(where: { $0 != 0 }) else {
            return try self.fit(y, options: options)
        }
        let k = Int(maxLevel)
        let alphas = (1...k).map { fit.parameters["alpha_\($0)"] ?? 0.1 }
        return forecast(y, maxLevel: k, alphas: alphas, options: options)
    }

    private func forecast(_ y: [Double], maxLevel: Int, alphas fixedAlphas: [Double]?, options: FitOptions) -> FittedForecast {
        var p = ModelParameters(["max_aggregation_level": Double(maxLevel)])
        var scratch = [Double](repeating: 0, count: y.count + 1)
        var total = 0.0
        y.withBuffer { yb in
            scratch.withUnsafeMutableBufferPointer { sb in
                for k in 1...maxLevel {
                    let lost = y.count % k
                    let chunks = (y.count - lost) / k
                    guard chunks > 0 else { continue }
                    for i in 0..<chunks {
                        var s = 0.0
                        for j in 0..<k { s += yb[lost + i * k + j] }
                        sb[i] = s
                    }
                    let sums = UnsafeBufferPointer(rebasing: sb[0..<chunks])
                    let alpha =
                        fixedAlphas?[k - 1]
                        ?? SESKernel.goldenSection(sums, lower: 0.1, upper: 0.3, tolerance: options.goldenTolerance)
                    p.set("alpha_\(k)", alpha)
                    total += SESKernel.forecast(alpha: alpha, sums) / Double(k)
                }
            }
        }
        return FittedForecast(
            model: name, parameters: p, fitted: options.fittedValues ? Self.fittedValues(y) : [],
            path: .constant(total / Double(maxLevel)))
    }

    /// statsforecast `imapa_fitted_vals`.
    static func fittedValues(_ y: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: y.count)
        var scratch = [Double](repeating: 0, count: y.count + 1)
        y.withBuffer { yb in
            scratch.withUnsafeMutableBufferPointer { sb in
                for i in stride(from: 1, to: y.count, by: 1) {
                    var count = 0
                    var intervalSum = 0.0
                    var previous = 0
                    for j in 0..<i where yb[j] != 0 {
                        count += 1
                        intervalSum += Double(j + 1 - previous)
                        previous = j + 1
                    }
                    guard count > 0 else {
                        out[i] = 0
                        continue
                    }
                    let maxLevel = min(max(1, Int((intervalSum / Double(count)).rounded(.toNearestOrAwayFromZero))), i)
                    var sum = 0.0
                    let prefix = UnsafeBufferPointer(rebasing: yb[0..<i])
                    for k in 1...maxLevel {
                        sum += SESKernel.chunkForecast(prefix, level: k, scratch: sb, tolerance: 1e-12).forecast / Double(k)
                    }
                    out[i] = sum / Double(maxLevel)
                }
            }
        }
        return out
    }
}
