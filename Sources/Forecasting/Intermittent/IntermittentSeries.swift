// Helpers of the intermittent-demand methods, as statsforecast 2.1.1 defines them
// (models.py `_demand`, `_intervals`, `_probability`; src/ses.cpp `expand_fitted_demand`,
// `expand_fitted_intervals`).

/// The decomposition of an intermittent series into demand sizes and inter-demand intervals.
enum IntermittentSeries {
    /// The non-zero demands `z_j` (values > 0), in order.
    static func sizes(_ y: [Double]) -> [Double] { y.filter { $0 > 0 } }

    /// Inter-demand intervals `p_j = (i_j + 1) − (i_{j−1} + 1)` between the indexes `i_j` of non-zero
    /// values, with `i_{−1} + 1 = 0`: the first interval counts from the start of the series.
    static func intervals(_ y: [Double]) -> [Double] {
        var out: [Double] = []
        var previous = 0
        for (i, v) in y.enumerated() where v != 0 {
            out.append(Double(i + 1 - previous))
            previous = i + 1
        }
        return out
    }

    /// Mean inter-demand interval (the ADI over the demand occurrences); NaN without demand.
    static func meanInterval(_ y: [Double]) -> Double {
        var count = 0
        var last = -1
        for (i, v) in y.enumerated() where v != 0 {
            count += 1
            last = i
        }
        return count == 0 ? .nan : Double(last + 1) / Double(count)
    }

    /// Spreads per-demand fitted sizes over the periods: `out[0]` = NaN; after the k-th demand
    /// (k ≥ 1) `out[t] = fitted[k]`; before the first demand `out[t] = y[t−1]` (= 0).
    static func expandDemand(_ fitted: [Double], _ y: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: y.count)
        var k = 0
        for i in stride(from: 1, to: y.count, by: 1) {
            if y[i - 1] > 0 {
                k += 1
                out[i] = fitted[k]
            } else if k > 0 {
                out[i] = out[i - 1]
            } else {
                out[i] = y[i - 1]
            }
        }
        return out
    }

    /// Spreads per-demand fitted intervals over the periods as ``expandDemand(_:_:)``, with 1 before
    /// the first demand and in place of a fitted interval of 0.
    static func expandIntervals(_ fitted: [Double], _ y: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: y.count)
        var k = 0
        for i in stride(from: 1, to: y.count, by: 1) {
            if y[i - 1] != 0 {
                k += 1
                out[i] = fitted[k] == 0 ? 1.0 : fitted[k]
            } else if k > 0 {
                out[i] = out[i - 1]
            } else {
                out[i] = 1.0
            }
        }
        return out
    }

    /// Python's `round` (half to even), as statsforecast uses for aggregation levels.
    static func roundHalfEven(_ x: Double) -> Int { Int(x.rounded(.toNearestOrEven)) }

    /// An all-zero forecast with statsforecast's fitted convention (zeros, NaN first).
    static func zeroFit(_ model: ModelName, _ n: Int, options: FitOptions) -> FittedForecast {
        var fitted: [Double] = []
        if options.fittedValues {
            fitted = [Double](repeating: 0, count: n)
            fitted[0] = .nan
        }
        return FittedForecast(model: model, parameters: ModelParameters(), fitted: fitted, path: .constant(0))
    }
}
