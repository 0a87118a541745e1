import Foundation
import Hummingbird
import InventoryCore
import InventoryPolicy
import Planning
import Simulation
import Workflow

/// Back-tests, scenarios and stress tests run in the background with progress (``AnalysisJobs``):
/// `POST /api/v1/analysis-jobs/backtest[?from=&to=&unmet_demand=&lead_times=&split_sourcing=]`,
/// `POST /api/v1/analysis-jobs/scenario[?replications=&seed=]` (the spec as the body),
/// `POST /api/v1/analysis-jobs/stress-tests[?name=&replications=&seed=]` — each 202 with the job,
/// its input checked first (400/422, nothing queued) —, `GET /api/v1/analysis-jobs` (your jobs) and
/// `GET /api/v1/analysis-jobs/{job_id}` (its stage and share done, and the document when complete);
/// the pages `POST /backtest/jobs`, `POST /scenarios/jobs` start one from the forms and
/// `/analysis-jobs/{job_id}` shows its progress (refreshing every 2 s, no JavaScript) and then its
/// result as the back-test or scenario page shows it. Who sees planning data; a job is its
/// starter's alone.
struct AnalysisJobEndpoints {
    let state: WebState

    /// A job with its document when complete: one of `backtest`, `scenario`, `stress_tests`.
    struct JobDocument: Encodable {
        var job: AnalysisJobs.Job
        var backtest: PolicyBacktestDocument?
        var scenario: ScenarioDocument?
        var stressTests: StressTestDocument?
    }

    /// The caller's jobs.
    struct JobList: Encodable {
        var jobs: [AnalysisJobs.Job]
    }

    func add(api: RouterGroup<AppRequestContext>, pages: Router<AppRequestContext>) {
        api.post("analysis-jobs/backtest", use: startBacktest)
        api.post("analysis-jobs/scenario", use: startScenario)
        api.post("analysis-jobs/stress-tests", use: startStressTests)
        api.get("analysis-jobs", use: list)
        api.get("analysis-jobs/:job_id", use: show)
        pages.post("backtest/jobs", use: backtestForm)
        pages.post("scenarios/jobs", use: scenarioForm)
        pages.get("analysis-jobs/:job_id", use: page)
    }

    // MARK: Starting jobs (one library call each once the input is checked)

    /// The plan of the view, computed once and shared with the other analyses; a job that computes
    /// it reports the plan run's steps.
    static func plan(_ view: PlanView, progress: any ProgressReporter) async -> PlanResult {
        await view.memo("plan-result") { await PlanRun.run(snapshot: view.snapshot, configuration: .init(progress: progress)) }
    }

    /// 429 when the user already has ``AnalysisJobs/perUser`` runs queued or running.
    static func queued(_ job: AnalysisJobs.Job?) throws -> AnalysisJobs.Job {
        guard let job else {
            throw Problem(
                .tooManyRequests, code: "too_many_jobs", title: "Too many runs",
                detail:
                    "you have \(AnalysisJobs.perUser) back-tests, scenarios or stress tests queued or running — wait until one is finished",
                headers: [.retryAfter: "10"])
        }
        return job
    }

    func backtestJob(_ options: PolicyBacktestOptions, owner: String) async throws -> AnalysisJobs.Job {
        let view = state.plans.view
        let query = BacktestEndpoints.querySuffix(options)
        return try Self.queued(
            await state.analyses.start(kind: .backtest, label: "back-test\(query)", requestedBy: owner) { progress in
                let plan = await Self.plan(view, progress: progress)
                progress.report(ProgressUpdate(step: ScenarioRun.replayingStep))
                let report = try await PolicyBacktest.run(snapshot: view.snapshot, plan: plan, options: options)
                return .backtest(PolicyBacktestDocument(report, snapshot: view.snapshot), query: query)
            })
    }

    func scenarioJob(yaml: String, replications: Int?, seed: UInt64?, owner: String) async throws -> AnalysisJobs.Job {
        let view = state.plans.view
        let spec = try ScenarioEndpoints.spec(
            yaml: yaml, snapshot: view.snapshot, replications: replications, seed: seed)
        return try Self.queued(
            await state.analyses.start(kind: .scenario, label: spec.name, requestedBy: owner) { progress in
                let plan = await Self.plan(view, progress: progress)
                return .scenario(try await ScenarioRun.run(snapshot: view.snapshot, plan: plan, spec: spec, progress: progress))
            })
    }

    func stressJob(name: String?, replications: Int?, seed: UInt64?, owner: String) async throws -> AnalysisJobs.Job {
        let view = state.plans.view
        let specs: [ScenarioSpec]
        do {
            specs = try ScenarioRun.stressTestSpecs(
                snapshot: view.snapshot, only: name, replications: replications, seed: seed)
        } catch {
            throw Problem.badRequest(error.message, code: "invalid_parameter")
        }
        let label = "stress tests: " + (name ?? "all")
        return try Self.queued(
            await state.analyses.start(kind: .stressTests, label: label, requestedBy: owner) { progress in
                let plan = await Self.plan(view, progress: progress)
                return .stressTests(
                    try await ScenarioRun.runStressTests(snapshot: view.snapshot, plan: plan, specs: specs, progress: progress))
            })
    }

    static func accepted(_ job: AnalysisJobs.Job) throws -> Response {
        try JSONResponse.encode(
            JobDocument(job: job), status: .accepted, headers: [.location: "/api/v1/analysis-jobs/\(job.jobId)"])
    }

    // MARK: API

    @Sendable func startBacktest(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let options = try BacktestEndpoints.options(QueryParameters(request))
        return try Self.accepted(try await backtestJob(options, owner: principal.userID))
    }

    @Sendable func startScenario(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let (replications, seed) = try ScenarioEndpoints(state: state).options(QueryParameters(request), background: true)
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let yaml = String(decoding: buffer.readableBytesView, as: UTF8.self)
        return try Self.accepted(
            try await scenarioJob(yaml: yaml, replications: replications, seed: seed, owner: principal.userID))
    }

    @Sendable func startStressTests(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let query = QueryParameters(request)
        let (replications, seed) = try ScenarioEndpoints(state: state).options(query, background: true)
        return try Self.accepted(
            try await stressJob(
                name: query.string("name"), replications: replications, seed: seed, owner: principal.userID))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        return try JSONResponse.encode(JobList(jobs: await state.analyses.list(owner: principal.userID)))
    }

    func lookup(_ context: AppRequestContext, owner: String) async throws -> (
        job: AnalysisJobs.Job, outcome: AnalysisJobs.Outcome?
    ) {
        let id = try context.parameters.require("job_id")
        guard let found = await state.analyses.job(id: id, owner: owner) else {
            throw Problem.notFound("no analysis job '\(id)' of yours")
        }
        return found
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let (job, outcome) = try await lookup(context, owner: principal.userID)
        var document = JobDocument(job: job)
        switch outcome {
        case .backtest(let d, _): document.backtest = d
        case .scenario(let d): document.scenario = d
        case .stressTests(let d): document.stressTests = d
        case nil: break
        }
        return try JSONResponse.encode(document)
    }

    // MARK: Pages

    /// `POST /backtest/jobs`: the back-test form's options, replayed in the background.
    @Sendable func backtestForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let options = try BacktestEndpoints.options(
            from: form["from"], to: form["to"], unmetDemand: form["unmet_demand"], leadTimes: form["lead_times"],
            splitSourcing: form["split_sourcing"])
        let job = try await backtestJob(options, owner: principal.userID)
        return .seeOther("/analysis-jobs/\(job.jobId)")
    }

    /// `POST /scenarios/jobs`: the scenario form's spec (or, with `stress`, the stress tests) run in
    /// the background; a spec with an error is shown on the scenarios page with its problems (422).
    @Sendable func scenarioForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let form = try await FormData.read(request, context: context)
        try form.requireCSRF(principal)
        let scenarios = ScenarioEndpoints(state: state)
        let (replications, seed) = try ScenarioEndpoints.options(
            replications: form["replications"], seed: form["seed"], background: true)
        let job: AnalysisJobs.Job
        if let stress = form["stress"] {
            job = try await stressJob(
                name: stress == "all" ? nil : stress, replications: replications, seed: seed, owner: principal.userID)
        } else {
            let spec = form["spec"] ?? ""
            do {
                job = try await scenarioJob(yaml: spec, replications: replications, seed: seed, owner: principal.userID)
            } catch let problem as Problem {
                return try await scenarios.render(
                    request, principal: principal, spec: spec, error: problem.detail, saveName: "", saveVersion: nil,
                    status: .unprocessableContent)
            }
        }
        return .seeOther("/analysis-jobs/\(job.jobId)")
    }

    /// `/analysis-jobs/{job_id}`: the progress while it runs, then its result on the page it belongs to.
    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.require(.viewPlanning)
        let (job, outcome) = try await lookup(context, owner: principal.userID)
        switch outcome {
        case .backtest(let d, let query):
            var values = BacktestEndpoints(state: state).values(d, query: query)
            values["job_note"] = "Background run \(job.jobId), finished \(Format.timestamp(job.finishedAt ?? job.createdAt))."
            return state.pages.page("backtest", title: "Policy back-test", principal: principal, values: values)
        case .scenario(let d):
            return try await ScenarioEndpoints(state: state).render(
                request, principal: principal, spec: ScenarioEndpoints.example, error: "", saveName: "", saveVersion: nil,
                documents: [d])
        case .stressTests(let d):
            return try await ScenarioEndpoints(state: state).render(
                request, principal: principal, spec: ScenarioEndpoints.example, error: "", saveName: "", saveVersion: nil,
                documents: d.tests)
        case nil:
            let running = job.status == "queued" || job.status == "running"
            return state.pages.page(
                "analysis_job", title: "Background run", principal: principal,
                values: [
                    "job_id": job.jobId, "kind": job.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                    "label": job.label, "status": job.status,
                    "status_text": job.status == "running" ? "running — \(job.stage)" : job.status,
                    "percent": Format.percent(job.progress, decimals: 0),
                    "percent_value": String(Int((job.progress * 100).rounded())),
                    "created_at": Format.timestamp(job.createdAt), "running": running, "error": job.error ?? false,
                    "back": job.kind == .backtest ? "/backtest" : "/scenarios",
                ],
                refreshSeconds: running ? 2 : nil)
        }
    }
}
