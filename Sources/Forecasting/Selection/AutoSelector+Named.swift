import InventoryCore

extension AutoSelector {
    /// Fits one given model the way ``select(_:context:)`` treats a series, without scoring
    /// candidates: the history from the first demand on, the pattern (from the context or
    /// classified), the lifecycle flags, forecasts floored at 0 for non-negative histories. A series
    /// without demand gives the constant of the `noDemand` fallback. The result has no candidates
    /// and no runner-up, so that a named model (`--model ses`) and the automatic selection report in
    /// one form.
    ///
    /// Throws what the model throws (e.g. a moving average longer than the history).
    public func fit(
        _ model: any ForecastModel, _ series: [Double], context: SelectionContext = SelectionContext(), fittedValues: Bool = true
    ) throws(ForecastError) -> SelectionResult {
        try ForecastError.validate(series, model: model.name)
        let c = configuration
        let firstDemand = series.firstIndex { $0 != 0 }
        let flags = lifecycleFlags(series, firstDemand: firstDemand, context: context)
        let start = firstDemand ?? 0
        let y = start == 0 ? series : Array(series[start...])
        let pattern = context.pattern.flatMap { $0 == .noDemand ? nil : $0 } ?? c.classifier.classify(demand: y).pattern
        var result: SelectionResult
        if firstDemand == nil {
            result = .constant(
                context.plannerEstimate ?? context.categoryProfile ?? 0, fallback: .noDemand, pattern: pattern, flags: flags,
                observationCount: y.count, metric: c.metric)
        } else {
            var fit = try model.fit(y, options: FitOptions(fittedValues: fittedValues, searchTolerance: nil))
            if start > 0, !fit.fitted.isEmpty { fit.fitted = Array(repeating: .nan, count: start) + fit.fitted }
            result = SelectionResult(
                pattern: pattern, chosen: model.name, seasonallyAdjusted: false, seasonalAdjustment: nil, fit: fit, runnerUp: nil,
                candidates: [], metric: c.metric, fallback: nil, flags: flags, observationCount: y.count)
        }
        result.historyStart = start
        result.nonNegative = !y.contains { $0 < 0 }
        return result
    }
}
