public import InventoryCore
import InventoryPolicy

/// The plan run: snapshot → classification → demand estimates → policies (with their derivation)
/// → summary.
///
/// 1. ``ClassificationRun`` classifies every item-location (ABC, XYZ, pattern, service level,
///    strategy).
/// 2. Suppliers, overrides and on-hand stock are gathered per item-location once (offsets into flat
///    arrays).
/// 3. In parallel chunks of item-locations, for each: the protection interval the policy will use,
///    the ``DemandEstimator``'s estimate and forecast (written straight into the forecast matrix),
///    and the ``PolicyEngine``'s policy. Every row is computed by exactly one chunk from inputs no
///    chunk changes, so the result does not depend on the number of chunks or cores.
/// 4. The summary: inventory implied by the policies against today's, per ABC class.
///
/// Explanations are rendered on demand from each row's numbers (``PolicyResult/explanation``).
public enum PlanRun {
    /// Options of a run.
    public struct Configuration: Sendable {
        /// Number of parallel chunks (`nil`: a few per core).
        public var chunks: Int?
        /// Buckets of forecast kept per item-location (default 13).
        public var horizonBuckets: Int
        /// An earlier classification, for hysteresis.
        public var previous: PreviousClassification?
        /// Where the run reports its steps (``PlanningStep``) and the item-locations planned.
        public var progress: any ProgressReporter

        /// Creates a configuration.
        public init(
            chunks: Int? = nil, horizonBuckets: Int = 13, previous: PreviousClassification? = nil,
            progress: any ProgressReporter = SilentProgress()
        ) {
            self.chunks = chunks
            self.horizonBuckets = horizonBuckets
            self.previous = previous
            self.progress = progress
        }
    }

    /// Runs the plan with the default estimator: the automatic model selection per item-location
    /// (``ForecastDemandEstimator``). ``HistoryDemandEstimator`` (the mean of the classification
    /// window) is the other built-in one.
    public static func run(snapshot: Snapshot, configuration: Configuration = .init()) async -> PlanResult {
        await run(snapshot: snapshot, estimator: ForecastDemandEstimator(snapshot: snapshot), configuration: configuration)
    }

    /// Runs the plan with a given demand estimator.
    public static func run(
        snapshot: Snapshot, estimator: some DemandEstimator, configuration: Configuration = .init()
    ) async -> PlanResult {
        let rowCount = snapshot.demand.series.count
        configuration.progress.report(
            ProgressUpdate(step: PlanningStep.classification.rawValue, completed: 0, total: rowCount, unit: "item-locations"))
        let classification = await ClassificationRun.run(snapshot: snapshot, previous: configuration.previous)
        let index = PlanInputIndex(snapshot: snapshot)
        let settings = snapshot.settings
        let engine = PolicyEngine(settings: settings.policy, bucket: settings.bucket)
        let demand = snapshot.demand
        let columns = demand.bucketCount
        let complete = demand.completeBucketCount
        let horizon = max(0, configuration.horizonBuckets)
        let (forecasts, forecastWrites): (ChunkResults<Double>, DisjointWrites<Double>) =
            ConcurrentChunks.uninitializedResults(count: rowCount * horizon)
        let items = snapshot.items
        let asOf = snapshot.asOf

        let counter = ProgressCounter(
            configuration.progress, step: PlanningStep.policies.rawValue, total: rowCount, unit: "item-locations")
        let rows = await ConcurrentChunks.results(count: rowCount, chunks: configuration.chunks) { range, output in
            var unreported = 0
            // The forecast of a lead-time proposal's second estimate goes here, not into the plan's.
            var scratch = [Double](repeating: 0, count: horizon)
            defer { counter.add(unreported) }
            demand.quantities.withUnsafeBufferPointer { all in
                for r in range {
                    unreported += 1
                    if unreported == 1_024 {
                        counter.add(unreported)
                        unreported = 0
                    }
                    let c = classification.rows[r]
                    let item = items[Int(c.item)]
                    var input = index.policyInput(row: r, classification: c, item: item, settings: settings, asOf: asOf)
                    let start = r * columns
                    let request = DemandEstimationRequest(
                        history: UnsafeBufferPointer(rebasing: all[start..<(start + complete)]),
                        window: max(0, complete - c.periods)..<complete, classification: c,
                        protectionBuckets: engine.protectionBuckets(for: input), row: r)
                    let forecast = forecastWrites.buffer((r * horizon)..<((r + 1) * horizon))
                    forecast.initialize(repeating: 0)  // initialised before the estimator writes it
                    input.demand = estimator.estimate(request, forecast: forecast)
                    var policy = engine.compute(input)
                    if var drifted = input.withDriftedLeadTimes() {
                        // The policy with the receipts' lead times: demand estimated again over its
                        // own protection interval (σ of the forecast error grows with it).
                        var again = request
                        again.protectionBuckets = engine.protectionBuckets(for: drifted)
                        drifted.demand = scratch.withUnsafeMutableBufferPointer { estimator.estimate(again, forecast: $0) }
                        policy.leadTimeProposal = LeadTimeProposal(current: policy, proposed: engine.compute(drifted))
                        policy.evaluation.notes.insert(.leadTimeDrift)
                    }
                    let onHand = index.onHand[r]
                    output.initialize(
                        r,
                        to: PlanRow(
                            item: c.item, location: c.location, policy: policy, onHand: onHand,
                            onHandValue: onHand * item.unitCost))
                }
            }
        }
        let summary = PlanSummary(
            rows: rows, classes: classification.rows.map(\.abc), unplannedOnHandValue: index.unplannedOnHandValue)
        return PlanResult(
            asOf: asOf, settings: settings, estimator: estimator.name, classification: classification, rows: rows,
            horizonBuckets: horizon, forecasts: forecasts, summary: summary)
    }
}
