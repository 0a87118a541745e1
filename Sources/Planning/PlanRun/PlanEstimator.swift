public import InventoryCore

/// The built-in demand estimators of the plan run, by name (`--estimator forecast|history`).
public enum PlanEstimator: String, Sendable, CaseIterable {
    /// The automatic model selection per item-location (``ForecastDemandEstimator``), the default.
    case forecast
    /// The mean of the classification window (``HistoryDemandEstimator``).
    case history
}

extension PlanRun {
    /// Runs the plan with a built-in estimator chosen by name.
    public static func run(snapshot: Snapshot, estimator: PlanEstimator, configuration: Configuration = .init()) async
        -> PlanResult
    {
        switch estimator {
        case .forecast:
            return await run(
                snapshot: snapshot, estimator: ForecastDemandEstimator(snapshot: snapshot), configuration: configuration)
        case .history: return await run(snapshot: snapshot, estimator: HistoryDemandEstimator(), configuration: configuration)
        }
    }
}
