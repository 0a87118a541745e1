/// ADIDA: aggregate–disaggregate intermittent demand approach.
///
/// The aggregation level k = round(mean inter-demand interval) (half to even, as statsforecast);
/// the series is cut to a multiple of k by dropping its first `n mod k` values, summed over
/// non-overlapping blocks of k (aligned to the end), the block sums forecast by SES with α from a
/// golden-section search on [0.1, 0.3], and the result divided by k. All-zero series forecast 0.
/// Fitted values as statsforecast: at each t, the same procedure on `y[0..<t]` with the level
/// from the intervals seen so far.
/// Nikolopoulos, Syntetos, Boylan, Petropoulos & Assimakopoulos (2011), *JORS* 62(3), 544–554,
/// doi:10.1057/jors.2010.32.
public struct ADIDAModel: ForecastModel, Hashable {
    /// Creates the model.
    public init() {}

    public var name: ModelName { .adida }

    public func fit(_ y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validateNonNegative(y, model: name)
        guard y.contains(where: { $0 != 0 }) else { return IntermittentSeries.zeroFit(name, y.count, options: options) }
        let level = max(1, IntermittentSeries.roundHalfEven(IntermittentSeries.meanInterval(y)))
        return forecast(y, level: level, alpha: nil, options: options)
    }

    public func apply(_ fit: FittedForecast, to y: [Double], options: FitOptions) throws(ForecastError) -> FittedForecast {
        try ForecastError.validateNonNegative(y, model: name)
        guard let level = fit.parameters["aggregation_level"], y.contains(where: { $0 != 0 }) else {
            return try self.fit(y, options: options)
        }
        return forecast(y, level: Int(level), alpha: fit.parameters["alpha"], options: options)
    }

    private func forecast(_ y: [Double], level: Int, alpha fixedAlpha: Double?, options: FitOptions) -> FittedForecast {
        var scratch = [Double](repeating: 0, count: y.count / level + 1)
        let (sum, alpha) = y.withBuffer { yb in
            scratch.withUnsafeMutableBufferPointer {
                SESKernel.chunkForecast(yb, level: level, scratch: $0, tolerance: options.goldenTolerance, alpha: fixedAlpha)
            }
        }
        var p = ModelParameters(["aggregation_level": Double(level)])
        if let alpha { p.set("alpha", alpha) }
        return FittedForecast(
            model: name, parameters: p, fitted: options.fittedValues ? Self.fittedValues(y) : [],
            path: .constant(sum / Double(level)))
    }

    /// statsforecast `_adida` fitted values.
    static func fittedValues(_ y: [Double]) -> [Double] {
        let intervals = IntermittentSeries.intervals(y)
        var levels: [Double] = [.nan]
        var running = 0.0
        for (j, p) in intervals.enumerated() {
            running += p
            levels.append((running / Double(j + 1)).rounded(.toNearestOrEven))
        }
        let expanded = IntermittentSeries.expandIntervals(levels, y)
        var out = [Double](repeating: .nan, count: y.count)
        var scratch = [Double](repeating: 0, count: y.count + 1)
        y.withBuffer { yb in
            scratch.withUnsafeMutableBufferPointer { sb in
                for i in 0..<(y.count - 1) {
                    let level = Int(expanded[i + 1])
                    let prefix = UnsafeBufferPointer(rebasing: yb[0...i])
                    out[i + 1] =
                        SESKernel.chunkForecast(prefix, level: level, scratch: sb, tolerance: 1e-12).forecast / Double(level)
                }
            }
        }
        return out
    }
}
