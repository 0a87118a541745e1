import Storage

/// The plan run over the database as the server runs it (``Storage/Store/runPlan(label:estimator:asOf:stage:)``),
/// with the share of the work done when each stage begins for the progress bar. Used by the
/// server's background jobs and `procura serve --demo`.
enum PlanPipeline {
    /// The stages a run reports: the store's stages, then refreshing the server's view.
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

    /// Runs the plan on the database's data with the default estimator, stores it and writes
    /// `plan_run.store` to the audit log as `actor` (the demo's first run included); `stage` is
    /// called as each stage begins.
    static func run(store: Store, label: String, actor: String, stage: @Sendable (Stage) async -> Void = { _ in }) async throws
        -> PlanRunRecord
    {
        let record = try await store.runPlan(label: label) { await stage(Stage(rawValue: $0.rawValue) ?? .loading) }.record
        _ = try await store.appendAudit(
            AuditEntry(
                actor: actor, action: "plan_run.store", subject: "plan_run:\(record.runNumber)",
                detail: "\(record.resultCount) results as of \(record.asOf)",
                after: "{\"run_number\":\(record.runNumber),\"as_of\":\"\(record.asOf)\",\"label\":\(JSONText.quote(record.label))}"))
        return record
    }
}
