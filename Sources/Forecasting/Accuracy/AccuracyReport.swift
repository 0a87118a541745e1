/// Accuracy of a forecast `F_t` against actuals `A_t` over h periods, with errors `e_t = A_t − F_t`.
///
/// - MAE = mean |e_t|; RMSE = √mean e_t²
/// - MAPE = 100 · mean(|e_t| / |A_t|) over the periods with `A_t ≠ 0` only — zero actuals are
///   excluded, and ``mapeCount`` says how many periods were used (`nil` when none)
/// - sMAPE = 100 · mean(2|e_t| / (|A_t| + |F_t|)) over periods with `|A_t| + |F_t| ≠ 0` (0…200)
/// - WAPE = 100 · Σ|e_t| / Σ|A_t| (`nil` when Σ|A_t| = 0)
/// - MASE = MAE / scale, scale = mean |Y_i − Y_{i−m}| over i = m…T−1 of the *training* series Y
///   (in-sample seasonal-naive MAE; m configurable, 1 = naive)
/// - bias: mean error `mean(F_t − A_t)` (positive = over-forecast) and `100 · (ΣF − ΣA)/ΣA`
/// - tracking signal `Σ e_t / MAD`, MAD = mean |e_t| (negative = over-forecast)
///
/// Sources: Hyndman & Koehler (2006), "Another look at measures of forecast accuracy", *IJF* 22(4),
/// 679–688, doi:10.1016/j.ijforecast.2006.03.001; Hyndman & Athanasopoulos, FPP3 §5.8; Brown (1959),
/// *Statistical Forecasting for Inventory Control* (tracking signal). Formulas as
/// `accuracy_metrics.json`.
public struct AccuracyReport: Hashable, Sendable {
    /// Number of periods compared.
    public var count: Int
    /// Mean absolute error (`nil` when no periods).
    public var mae: Double?
    /// Root mean squared error.
    public var rmse: Double?
    /// MAPE in percent over non-zero actuals; `nil` when every actual is 0.
    public var mapePercent: Double?
    /// Periods used by MAPE (those with `A_t ≠ 0`).
    public var mapeCount: Int
    /// sMAPE in percent.
    public var smapePercent: Double?
    /// Periods used by sMAPE.
    public var smapeCount: Int
    /// WAPE in percent; `nil` when Σ|A| = 0.
    public var wapePercent: Double?
    /// MASE; `nil` without a training series long enough or with a zero scale.
    public var mase: Double?
    /// The MASE scale (in-sample seasonal-naive MAE of the training series).
    public var maseScale: Double?
    /// The seasonal period of the MASE scale.
    public var masePeriod: Int
    /// Mean error `mean(F − A)` (positive = over-forecast).
    public var meanError: Double?
    /// `100 · (ΣF − ΣA) / ΣA`; `nil` when ΣA = 0.
    public var biasPercent: Double?
    /// `Σ(A − F) / MAD`; `nil` when MAD = 0.
    public var trackingSignal: Double?
    /// Σ|e_t| (for aggregation).
    public var sumAbsoluteError: Double
    /// Σ|A_t|.
    public var sumAbsoluteActual: Double
    /// ΣA_t.
    public var sumActual: Double
    /// ΣF_t.
    public var sumForecast: Double

    /// Computes the report. Pairs where either value is NaN are skipped.
    ///
    /// - Parameters:
    ///   - actual: A_t.
    ///   - forecast: F_t, same length.
    ///   - training: the series the forecast was made from (for the MASE scale); empty = no MASE.
    ///   - seasonalPeriod: m of the MASE scale (1 = naive).
    public init(actual: [Double], forecast: [Double], training: [Double] = [], seasonalPeriod: Int = 1) {
        var n = 0
        var sumAbs = 0.0, sumSq = 0.0, sumA = 0.0, sumAbsA = 0.0, sumF = 0.0, sumE = 0.0
        var ape = 0.0, apeCount = 0, sape = 0.0, sapeCount = 0
        for (a, f) in zip(actual, forecast) where !a.isNaN && !f.isNaN {
            let e = a - f
            n += 1
            sumAbs += abs(e)
            sumSq += e * e
            sumA += a
            sumAbsA += abs(a)
            sumF += f
            sumE += e
            if a != 0 {
                ape += abs(e) / abs(a)
                apeCount += 1
            }
            let denominator = abs(a) + abs(f)
            if denominator != 0 {
                sape += 2 * abs(e) / denominator
                sapeCount += 1
            }
        }
        count = n
        sumAbsoluteError = sumAbs
        sumAbsoluteActual = sumAbsA
        sumActual = sumA
        sumForecast = sumF
        mapeCount = apeCount
        smapeCount = sapeCount
        masePeriod = seasonalPeriod
        let mean = n > 0 ? sumAbs / Double(n) : nil
        mae = mean
        rmse = n > 0 ? (sumSq / Double(n)).squareRoot() : nil
        mapePercent = apeCount > 0 ? 100 * ape / Double(apeCount) : nil
        smapePercent = sapeCount > 0 ? 100 * sape / Double(sapeCount) : nil
        wapePercent = sumAbsA > 0 ? 100 * sumAbs / sumAbsA : nil
        meanError = n > 0 ? (sumF - sumA) / Double(n) : nil
        biasPercent = sumA != 0 ? 100 * (sumF - sumA) / sumA : nil
        trackingSignal = (mean ?? 0) > 0 ? sumE / mean! : nil
        let scale = Self.maseScale(training: training, period: seasonalPeriod)
        maseScale = scale
        if let scale, scale > 0, let mean { mase = mean / scale } else { mase = nil }
    }

    /// In-sample seasonal-naive MAE of `training`: mean |Y_i − Y_{i−m}|, i = m…T−1; `nil` when T ≤ m.
    public static func maseScale(training y: [Double], period m: Int) -> Double? {
        guard m >= 1, y.count > m else { return nil }
        var s = 0.0
        for i in m..<y.count { s += abs(y[i] - y[i - m]) }
        return s / Double(y.count - m)
    }
}
