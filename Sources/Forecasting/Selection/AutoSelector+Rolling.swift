extension AutoSelector {
    /// Rolling-origin forecasts of a selection's chosen model with its parameters fixed — the
    /// forecasts a planner would have seen had the model been re-run (not re-selected, not
    /// re-estimated) at every origin.
    ///
    /// `series` is indexed like the series given to ``select(_:context:)`` and may run past it (the
    /// actuals after the selection); for each `o` in `origins` (absolute indexes, `o > historyStart`)
    /// the forecasts for steps 1…`horizon` made from `series[historyStart..<o]`, row-major
    /// `origins.count × horizon`. Seasonally adjusted choices are filtered on the adjusted series
    /// with the selection's indices and re-seasonalised; forecasts are floored at 0 like
    /// ``SelectionResult/forecast(h:)``. Fallback values (no model) repeat at every origin; the
    /// short-history average is re-computed from the data up to each origin. `model` is the model
    /// that was fitted when it is not the selector's own candidate of that name (a named model with
    /// the user's window, see ``fit(_:_:context:fittedValues:)``).
    public func rollingForecasts(
        _ result: SelectionResult, model given: (any ForecastModel)? = nil, series: [Double], origins: Range<Int>, horizon: Int
    ) throws(ForecastError) -> [Double] {
        let start = result.historyStart
        guard horizon >= 1, !origins.isEmpty else { return [] }
        guard origins.lowerBound > start, origins.upperBound <= series.count else {
            throw ForecastError(
                .invalidParameter,
                "rolling forecasts: origins \(origins) must lie after the first used bucket \(start) and within the \(series.count) values"
            )
        }
        let y = Array(series[start...])
        let local = (origins.lowerBound - start)..<(origins.upperBound - start)
        guard let chosen = result.chosen, let model = given ?? candidateModel(chosen) else {
            let value = result.fit.path.nextValue
            return [Double](repeating: result.nonNegative ? max(value, 0) : value, count: origins.count * horizon)
        }
        var out: [Double]
        if result.seasonallyAdjusted, let adjustment = result.seasonalAdjustment {
            out = try model.rollingForecasts(result.fit, series: adjustment.adjust(y), origins: local, horizon: horizon)
            for (row, origin) in local.enumerated() {
                let rowRange = (row * horizon)..<((row + 1) * horizon)
                let seasonal = adjustment.reseasonalize(Array(out[rowRange]), startingAt: origin)
                out.replaceSubrange(rowRange, with: seasonal)
            }
        } else {
            out = try model.rollingForecasts(result.fit, series: y, origins: local, horizon: horizon)
        }
        if result.nonNegative {
            for i in out.indices where out[i] < 0 { out[i] = 0 }
        }
        return out
    }
}
