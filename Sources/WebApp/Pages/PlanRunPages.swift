import Foundation
import Hummingbird
import InventoryCore
import Storage
import Workflow

/// `/plan-runs`: the runs, starting one, a job's live progress (refreshing itself every 2 s while
/// it runs — no JavaScript), one run's summary, and the comparison of two runs.
struct PlanRunPages {
    let state: WebState

    func add(to router: Router<AppRequestContext>) {
        router.get("plan-runs", use: list)
        router.post("plan-runs", use: start)
        router.get("plan-runs/compare", use: compare)
        router.get("plan-runs/jobs/:job_id", use: job)
        router.get("plan-runs/:run_number", use: run)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let runs = try await state.store.listPlanRuns()
        let jobs = await state.runner.list().prefix(10)
        return state.pages.page(
            "plan_runs", title: "Plan runs", principal: principal,
            values: [
                "can_run": principal.allows(.runPlans) && principal.csrfToken != nil, "csrf": principal.csrfToken ?? "",
                "runs": runs.map { r -> [String: Any] in
                    [
                        "run_number": String(r.runNumber), "created_at": Format.timestamp(r.createdAt),
                        "as_of": r.asOf.description,
                        "label": r.label, "result_count": Format.count(r.resultCount),
                    ]
                },
                "has_jobs": !jobs.isEmpty, "can_compare": runs.count > 1,
                "jobs": jobs.map { j -> [String: Any] in
                    [
                        "job_id": j.jobId, "status": j.status, "status_text": Self.statusText(j),
                        "percent": Format.percent(j.progress, decimals: 0),
                        "requested_by": j.requestedBy, "run_number": j.runNumber.map(String.init) ?? false,
                    ]
                },
                "compare_base": runs.count > 1 ? String(runs[1].runNumber) : "",
                "compare_other": runs.first.map { String($0.runNumber) } ?? "",
            ])
    }

    /// `running — planning` while a job runs; `complete`, `failed` or `queued` otherwise.
    static func statusText(_ job: PlanRunner.Job) -> String {
        job.status == "running" ? "running — \(job.stage)" : job.status
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.runPlans)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let job = await state.runner.start(
            label: try TextField.planRunLabel.check(form["label"] ?? ""), requestedBy: principal.userID)
        return .seeOther("/plan-runs/jobs/\(job.jobId)")
    }

    @Sendable func job(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let id = try context.parameters.require("job_id")
        guard let job = await state.runner.job(id: id) else { throw Problem.notFound("no plan-run job '\(id)'") }
        let running = job.status == "queued" || job.status == "running"
        return state.pages.page(
            "plan_job", title: "Plan run job", principal: principal,
            values: [
                "job_id": job.jobId, "status": job.status, "status_text": Self.statusText(job),
                "percent": Format.percent(job.progress, decimals: 0),
                "percent_value": String(Int((job.progress * 100).rounded())),
                "requested_by": job.requestedBy, "created_at": Format.timestamp(job.createdAt),
                "label": job.label.isEmpty ? false : job.label, "running": running,
                "run_number": job.runNumber.map(String.init) ?? false,
                "error": job.error ?? false,
            ],
            refreshSeconds: running ? 2 : nil)
    }

    @Sendable func run(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let text = try context.parameters.require("run_number")
        guard let number = Int(text), let record = try await state.store.listPlanRuns().first(where: { $0.runNumber == number })
        else {
            throw Problem.notFound("no plan run '\(text)'")
        }
        var values: [String: Any] = [
            "run_number": String(record.runNumber), "created_at": Format.timestamp(record.createdAt),
            "as_of": record.asOf.description,
            "label": record.label, "result_count": Format.count(record.resultCount),
        ]
        do {
            let summary = try PlanSummaryJSON.decode(record.summary, run: record.runNumber)
            values["summary"] = [
                "groups": (summary.byAbc + [summary.total]).map { g -> [String: Any] in
                    [
                        "abc": g.abc, "item_locations": Format.count(g.itemLocations), "with_policy": Format.count(g.withPolicy),
                        "safety_stock_value": Format.money(g.safetyStockValue),
                        "cycle_stock_value": Format.money(g.cycleStockValue),
                        "policy_value": Format.money(g.policyValue), "on_hand_value": Format.money(g.onHandValue),
                        "annual_cost": Format.money(g.annualCost), "overridden": Format.count(g.overridden),
                        "flagged": Format.count(g.flagged),
                    ]
                }
            ]
        }
        return state.pages.page("plan_run", title: "Plan run \(record.runNumber)", principal: principal, values: values)
    }

    @Sendable func compare(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let base = try query.integer("base", in: 1...Int(Int32.max), default: 0)
        let other = try query.integer("other", in: 1...Int(Int32.max), default: 0)
        let runs = try await state.store.listPlanRuns()
        guard let a = runs.first(where: { $0.runNumber == base }), let b = runs.first(where: { $0.runNumber == other }) else {
            throw Problem.notFound("choose two stored plan runs to compare")
        }
        let comparison = try await PlanRunRoutes.comparison(store: state.store, base: a, other: b)
        let t = comparison.totals
        return state.pages.page(
            "plan_compare", title: "Compare plan runs", principal: principal,
            values: [
                "base": String(base), "other": String(other), "changed": Format.count(t.changedItemLocations),
                "change_count": Format.count(comparison.changes.count), "truncated": comparison.changes.count > 200,
                "totals": [
                    "base_count": Format.count(t.itemLocationsBase), "other_count": Format.count(t.itemLocationsOther),
                    "base_safety": Format.money(t.safetyStockValueBase), "other_safety": Format.money(t.safetyStockValueOther),
                    "base_policy": Format.money(t.policyValueBase), "other_policy": Format.money(t.policyValueOther),
                ],
                "changes": comparison.changes.prefix(200).map { c -> [String: Any] in
                    [
                        "item_id": c.itemId, "location_id": c.locationId,
                        "parameter": ParameterLabel.text(c.parameter, period: state.plans.view.snapshot.settings.bucket.rawValue),
                        "base": Format.optional(c.base),
                        "other": Format.optional(c.other), "difference": Format.optional(c.difference),
                    ]
                },
            ])
    }
}
