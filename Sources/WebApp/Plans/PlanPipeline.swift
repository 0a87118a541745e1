import DataImport
import Foundation
public import InventoryCore
public import Planning
public import Storage

/// The plan run over the database: read the snapshot, plan, store the results as the next
/// numbered run. Used by the server's background jobs, `procura serve --demo`, `procura plan
/// --database` and tests.
public enum PlanPipeline {
    /// The stages a run reports, with the share of the work done when each begins.
    enum Stage: String, Sendable {
        case loading, planning, storing, refreshing

        var progress: Double {
            switch self {
            case .loading: return 0.05
            case .planning: return 0.25
            case .storing: return 0.7
            case .refreshing: return 0.9
            }
        }
    }

    /// How a run estimates demand (the plan run's ``Planning/DemandEstimator``).
    public enum Estimator: String, Sendable, CaseIterable {
        /// The automatic model selection per item-location (``Planning/ForecastDemandEstimator``), the default.
        case forecast
        /// The mean of the classification window (``Planning/HistoryDemandEstimator``).
        case history
    }

    /// A stored run with the plan and the snapshot it was computed from.
    public struct Outcome: Sendable {
        /// The stored run (its number, label, as-of date).
        public var record: PlanRunRecord
        /// The plan.
        public var plan: PlanResult
        /// The snapshot read from the database.
        public var snapshot: Snapshot
    }

    /// Planning settings for the database: the imported data folder's `settings.yaml` (stored by
    /// the import), or — for a database imported without one — the defaults with the data set's
    /// bucket and currency.
    ///
    /// - Throws: ``StorageError`` when the stored settings no longer parse (naming the key and value).
    public static func settings(store: Store) async throws -> PlanningSettings {
        let info = try await store.datasetInfo()
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

    /// Runs the plan on the database's data and stores it; `stage` is called as each stage begins.
    static func run(store: Store, label: String, stage: @Sendable (Stage) async -> Void = { _ in }) async throws -> PlanRunRecord {
        try await run(store: store, label: label, estimator: .forecast, stage: stage).record
    }

    /// Runs the plan on the database's data — as of `asOf` (an earlier date replans from the
    /// history before it) or the imported data set's date — and stores it as the next numbered
    /// run; earlier runs are kept.
    public static func run(store: Store, label: String, estimator: Estimator, asOf: Day? = nil) async throws -> Outcome {
        try await run(store: store, label: label, estimator: estimator, asOf: asOf, stage: { _ in })
    }

    static func run(
        store: Store, label: String, estimator: Estimator, asOf: Day? = nil, stage: @Sendable (Stage) async -> Void
    ) async throws -> Outcome {
        await stage(.loading)
        let settings = try await settings(store: store)
        var snapshot = try await store.loadSnapshot(settings: settings)
        if let asOf { snapshot = snapshot.atPlanningDate(asOf) }
        await stage(.planning)
        let plan: PlanResult
        switch estimator {
        case .forecast: plan = await PlanRun.run(snapshot: snapshot, estimator: ForecastDemandEstimator(snapshot: snapshot))
        case .history: plan = await PlanRun.run(snapshot: snapshot, estimator: HistoryDemandEstimator())
        }
        await stage(.storing)
        let rows = try PlanRecorder.rows(plan: plan, snapshot: snapshot)
        let summary = PlanSummaryJSON.text(plan: plan)
        let settingsText = "bucket: \(settings.bucket.rawValue)\ncurrency: \(settings.currency)\nestimator: \(plan.estimator)\n"
        let record = try await store.savePlanRun(
            asOf: snapshot.asOf, label: label, settings: settingsText, summary: summary, results: rows)
        return Outcome(record: record, plan: plan, snapshot: snapshot)
    }
}

/// The summary stored with a run (`plan_runs.summary`): counts and inventory values per ABC class.
enum PlanSummaryJSON {
    struct Group: Codable, Sendable {
        var abc: String
        var itemLocations: Int
        var withPolicy: Int
        var safetyStockValue: Double
        var cycleStockValue: Double
        var policyValue: Double
        var onHandValue: Double
        var annualCost: Double
        var overridden: Int
        var flagged: Int
    }

    struct Summary: Codable, Sendable {
        var asOf: String
        var estimator: String
        var itemLocations: Int
        var byAbc: [Group]
        var total: Group
    }

    static func text(plan: PlanResult) -> String {
        func group(_ g: PlanSummary.Group) -> Group {
            Group(
                abc: g.abc?.rawValue ?? "total", itemLocations: g.itemLocations, withPolicy: g.withPolicy,
                safetyStockValue: g.safetyStockValue, cycleStockValue: g.cycleStockValue, policyValue: g.policyValue,
                onHandValue: g.onHandValue, annualCost: g.annualCost, overridden: g.overridden, flagged: g.flagged)
        }
        let s = plan.summary
        let summary = Summary(
            asOf: plan.asOf.description, estimator: plan.estimator, itemLocations: plan.rows.count, byAbc: s.byABC.map(group),
            total: group(s.total))
        return (try? PlanRecorder.json(summary)) ?? "{}"
    }

    static func decode(_ text: String) -> Summary? {
        try? PlanRecorder.decoder.decode(Summary.self, from: Data(text.utf8))
    }
}
