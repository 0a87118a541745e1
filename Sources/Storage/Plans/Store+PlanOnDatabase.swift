import DataImport
public import InventoryCore
public import Planning

/// The steps of a plan run on the database beyond the plan run's own (``PlanningStep``), reported
/// to the run's ``ProgressReporter`` as each begins.
public enum PlanRunStage: String, Sendable {
    /// Reading the snapshot.
    case loading
    /// Writing the results.
    case storing
}

/// A stored plan run with the plan and the snapshot it was computed from.
public struct StoredPlan: Sendable {
    /// The stored run (its number, label, as-of date).
    public var record: PlanRunRecord
    /// The plan.
    public var plan: PlanResult
    /// The snapshot read from the database.
    public var snapshot: Snapshot
    /// The run whose classes the classification applied hysteresis against (`nil`: none).
    public var previousRun: Int?
}

extension Store {
    /// Planning settings for the database: the imported data folder's `settings.yaml` (stored by
    /// ``importSnapshot(_:source:settingsYAML:progress:)``), or — for a database imported without
    /// one — the defaults with the data set's bucket and currency.
    ///
    /// - Throws: ``StorageError`` when the stored settings no longer parse (naming the key and value).
    public func planningSettings() async throws -> PlanningSettings {
        let info = try await datasetInfo()
        if let yaml = info["settings_yaml"], !yaml.isEmpty {
            do {
                return try SettingsText.parse(yaml)
            } catch {
                let first = error.errors.first.map { $0.description } ?? "\(error)"
                throw StorageError(
                    .database,
                    "the settings stored with the last import do not parse: \(first) — import the data folder again with a corrected settings.yaml"
                )
            }
        }
        var settings = PlanningSettings()
        if let bucket = info["bucket"].flatMap(BucketSize.init(rawValue:)) { settings.bucket = bucket }
        if let currency = info["currency"], !currency.isEmpty { settings.currency = currency }
        return settings
    }

    /// The classes of the latest stored plan run (ABC, XYZ, pattern per item-location), the
    /// previous classification a new run applies hysteresis against; `nil` before the first run.
    public func previousClassification() async throws -> (run: Int, classes: PreviousClassification)? {
        guard let last = try await listPlanRuns().filter({ $0.status == "complete" }).map(\.runNumber).max() else { return nil }
        return (last, try await previousClassification(runNumber: last))
    }

    /// Runs the plan on the database's data — as of `asOf` (an earlier date replans from the
    /// history before it) or the imported data set's date — and stores it as the next numbered
    /// run (per item-location a `classification`, a `forecast` over `procurement.horizon_buckets`
    /// and a `policy` payload); earlier
    /// runs are kept. With `hysteresis` (the default) the classification is re-classified against
    /// the latest stored run (``previousClassification()``), as `procura classify --previous` does:
    /// an item-location changes class only when it clears a cut-off by the margin. `progress` hears the steps: ``PlanRunStage/loading``, the plan run's own
    /// (``PlanningStep``, with the item-locations planned), ``PlanRunStage/storing``.
    public func runPlan(
        label: String, estimator: PlanEstimator = .forecast, asOf: Day? = nil, hysteresis: Bool = true,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> StoredPlan {
        progress.report(ProgressUpdate(step: PlanRunStage.loading.rawValue))
        let settings = try await planningSettings()
        var snapshot = try await loadSnapshot(settings: settings)
        if let asOf { snapshot = snapshot.atPlanningDate(asOf) }
        let previous = hysteresis ? try await previousClassification() : nil
        let plan = await PlanRun.run(
            snapshot: snapshot, estimator: estimator,
            configuration: .init(
                horizonBuckets: settings.procurement.horizonBuckets, previous: previous?.classes, progress: progress))
        progress.report(ProgressUpdate(step: PlanRunStage.storing.rawValue, total: plan.rows.count, unit: "item-locations"))
        let rows = try PlanRecorder.rows(plan: plan, snapshot: snapshot)
        let summary = try PlanSummaryJSON.text(plan: plan)
        let settingsText = "bucket: \(settings.bucket.rawValue)\ncurrency: \(settings.currency)\nestimator: \(plan.estimator)\n"
        let record = try await savePlanRun(
            asOf: snapshot.asOf, label: label, settings: settingsText, summary: summary, results: rows)
        return StoredPlan(record: record, plan: plan, snapshot: snapshot, previousRun: previous?.run)
    }
}
