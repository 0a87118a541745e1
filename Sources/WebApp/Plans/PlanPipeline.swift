import Foundation
import InventoryCore
import Planning
import Storage

/// The plan run over the database: read the snapshot, plan, store the results as the next
/// numbered run. Used by the server's background jobs, `procura serve --demo` and tests.
enum PlanPipeline {
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

    /// Planning settings for the database: the defaults with the imported data set's bucket and currency.
    static func settings(store: Store) async throws -> PlanningSettings {
        let info = try await store.datasetInfo()
        var settings = PlanningSettings()
        if let bucket = info["bucket"].flatMap(BucketSize.init(rawValue:)) { settings.bucket = bucket }
        if let currency = info["currency"], !currency.isEmpty { settings.currency = currency }
        return settings
    }

    /// Runs the plan on the database's data and stores it; `stage` is called as each stage begins.
    static func run(store: Store, label: String, stage: @Sendable (Stage) async -> Void = { _ in }) async throws -> PlanRunRecord {
        await stage(.loading)
        let settings = try await settings(store: store)
        let snapshot = try await store.loadSnapshot(settings: settings)
        await stage(.planning)
        let plan = await PlanRun.run(snapshot: snapshot)
        await stage(.storing)
        let rows = try PlanRecorder.rows(plan: plan, snapshot: snapshot)
        let summary = PlanSummaryJSON.text(plan: plan)
        let settingsText = "bucket: \(settings.bucket.rawValue)\ncurrency: \(settings.currency)\nestimator: \(plan.estimator)\n"
        return try await store.savePlanRun(asOf: snapshot.asOf, label: label, settings: settingsText, summary: summary, results: rows)
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
