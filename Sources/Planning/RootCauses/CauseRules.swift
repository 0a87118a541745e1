import InventoryCore

/// The rules that name a likely cause from the data, each written once — for the back-test's
/// causes (``PolicyBacktest``) and the root-cause analysis (``RootCauseAnalysis``).
enum CauseRules {
    /// Demand shift: the second half of `demand` averages more than 1.5 × or less than ⅔ × the
    /// first (at least two buckets a half, a first half with demand); the ratio second ÷ first.
    static func demandShift(_ demand: [Double]) -> Double? {
        let half = demand.count / 2
        guard half >= 2 else { return nil }
        let first = demand[..<half].reduce(0, +) / Double(half)
        let second = demand[half...].reduce(0, +) / Double(demand.count - half)
        guard first > 0 else { return nil }
        let ratio = second / first
        return ratio > 1.5 || ratio < 2.0 / 3.0 ? ratio : nil
    }

    /// A minimum order (MOQ or order multiple, in base units) that covers more than four buckets of
    /// the mean demand; the buckets it covers.
    static func minimumOrderCoverage(minimumUnits: Double, meanDemandPerBucket mean: Double) -> Double? {
        guard mean > 0, minimumUnits > 4 * mean else { return nil }
        return minimumUnits / mean
    }

    /// A minimum order (base units) above the forecast over the coverage: the units of one such
    /// order that are excess the day it arrives, minimum − forecast (`nil` when ≤ 0).
    static func minimumOrderAboveNeed(minimumUnits: Double, forecastOverCoverage: Double) -> Double? {
        let above = minimumUnits - forecastOverCoverage
        return above > 0 ? above : nil
    }

    /// A lead time longer than the one planned with, by more than the drift threshold
    /// (`lead_times.drift_days` / `drift_share`).
    static func leadTimeLonger(observedDays: Double, plannedDays: Double, settings: LeadTimeSettings) -> Bool {
        observedDays > plannedDays && settings.hasDrifted(observedMeanDays: observedDays, catalogDays: plannedDays)
    }

    /// A forecast miss larger than its error: the demand over `actual` (n buckets) against n × the
    /// mean of `before` (the forecast one could make then: a moving average), the error being
    /// σ(before) × √n. Positive: demand above the forecast (`under` forecast); negative: below.
    static func forecastMiss(actual: [Double], before: [Double]) -> (forecast: Double, error: Double, actual: Double)? {
        guard before.count >= 2, !actual.isEmpty else { return nil }
        let mean = before.reduce(0, +) / Double(before.count)
        let variance = before.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(before.count - 1)
        let n = Double(actual.count)
        let forecast = mean * n
        let error = variance.squareRoot() * n.squareRoot()
        let total = actual.reduce(0, +)
        guard abs(total - forecast) > error else { return nil }
        return (forecast, error, total)
    }

    /// An override's parameter in words, as the explanations name it: `reorder_point` → "reorder
    /// point", `forecast_per_bucket` → "forecast per week" (the bucket named by `period`).
    static func parameterInWords(_ parameter: String, period: String) -> String {
        var words = parameter.split(separator: "_").map(String.init)
        if words.last == "bucket" { words[words.count - 1] = period }
        return words.joined(separator: " ")
    }
}
