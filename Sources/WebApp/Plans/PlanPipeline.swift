import InventoryCore
import Planning
import Storage
import Synchronization

/// The plan run over the database as the server runs it (``Storage/Store/runPlan(label:estimator:asOf:progress:)``),
/// with the share of the whole job each step stands for, for the progress bar. Used by the
/// server's background jobs and `procura serve --demo`.
enum PlanPipeline {
    /// The steps of a job, in order, and the share of the job done when each begins.
    static let steps: [(step: String, start: Double)] = [
        (PlanRunStage.loading.rawValue, 0),
        (PlanningStep.classification.rawValue, 0.05),
        (PlanningStep.policies.rawValue, 0.25),
        (PlanRunStage.storing.rawValue, 0.7),
        (refreshing, 0.9),
    ]

    /// The last step: the server's cached view of the new run is rebuilt.
    static let refreshing = "refreshing"

    /// The share of the whole job done at `update`: the step's start plus its own fraction of
    /// the step's width.
    static func share(at update: ProgressUpdate) -> Double {
        guard let k = steps.firstIndex(where: { $0.step == update.step }) else { return 0 }
        let start = steps[k].start
        let end = k + 1 < steps.count ? steps[k + 1].start : 1
        return start + (end - start) * (update.fraction ?? 0)
    }

    /// Runs the plan on the database's data with the default estimator, stores it, reporting to
    /// `progress`, and writes `plan_run.store` to the audit log as `actor` — every stored run,
    /// the demo's first one included.
    static func run(store: Store, label: String, actor: String, progress: any ProgressReporter = SilentProgress()) async throws
        -> PlanRunRecord
    {
        let record = try await store.runPlan(label: label, progress: progress).record
        _ = try await store.appendAudit(
            AuditEntry(
                actor: actor, action: "plan_run.store", subject: "plan_run:\(record.runNumber)",
                detail: "\(record.resultCount) results as of \(record.asOf)",
                after:
                    "{\"run_number\":\(record.runNumber),\"as_of\":\"\(record.asOf)\",\"label\":\(JSONValue.quoted(record.label))}"
            ))
        return record
    }
}

/// The latest progress of one job, written by the plan run's tasks and read by the job list.
final class JobProgress: ProgressReporter {
    private let latest = Mutex(ProgressUpdate(step: "queued"))

    func report(_ update: ProgressUpdate) {
        latest.withLock { $0 = update }
    }

    var current: ProgressUpdate { latest.withLock { $0 } }
}
