import Foundation
import InventoryCore
import Logging
import Storage

/// Plan runs started from the web: each is a job that runs in the background, one at a time, and
/// reports its stage and progress; when it is stored the new run replaces the cached view.
actor PlanRunner {
    struct Job: Sendable, Codable {
        var jobId: String
        var status: String
        var stage: String
        var progress: Double
        var label: String
        var requestedBy: String
        var createdAt: String
        var finishedAt: String?
        var runNumber: Int?
        var error: String?
    }

    private let store: Store
    private let cache: PlanViewCache
    private let logger: Logger
    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    private var queue: [String] = []
    private var running = false
    /// Progress of the running job, updated by its plan run's tasks.
    private var live: [String: JobProgress] = [:]

    init(store: Store, cache: PlanViewCache, logger: Logger) {
        self.store = store
        self.cache = cache
        self.logger = logger
    }

    /// Queues a run; it starts at once unless another is running. A request while a run already
    /// waits in the queue joins that run (its job is answered): a waiting run reads the data when it
    /// starts, so a second one after it would plan the same data again — and a flood of requests
    /// queues one run, not one each.
    func start(label: String, requestedBy: String) -> Job {
        if let waiting = queue.last, let job = jobs[waiting] { return job }
        let id = "job_" + Secrets.random(bytes: 9)
        let job = Job(
            jobId: id, status: "queued", stage: "queued", progress: 0, label: label, requestedBy: requestedBy,
            createdAt: store.clock.now().iso8601)
        jobs[id] = job
        order.append(id)
        if order.count > 200, let oldest = order.first, jobs[oldest]?.status != "running" {
            order.removeFirst()
            jobs[oldest] = nil
        }
        queue.append(id)
        if !running {
            running = true
            Task { await self.drain() }
        }
        return job
    }

    func job(id: String) -> Job? { jobs[id].map(withLiveProgress) }

    /// The jobs, newest first.
    func list() -> [Job] { order.reversed().compactMap { jobs[$0].map(withLiveProgress) } }

    /// A running job with the step and share its plan run reported last.
    private func withLiveProgress(_ job: Job) -> Job {
        guard let progress = live[job.jobId]?.current else { return job }
        var job = job
        job.stage = progress.step
        job.progress = PlanPipeline.share(at: progress)
        return job
    }

    private func update(_ id: String, _ change: (inout Job) -> Void) {
        guard var job = jobs[id] else { return }
        change(&job)
        jobs[id] = job
    }

    private func drain() async {
        while !queue.isEmpty {
            let id = queue.removeFirst()
            await execute(id)
        }
        running = false
    }

    private func execute(_ id: String) async {
        guard let job = jobs[id] else { return }
        update(id) { $0.status = "running" }
        do {
            _ = try await store.appendAudit(
                AuditEntry(actor: job.requestedBy, action: "plan_run.start", subject: "job:\(id)", detail: job.label))
            let progress = JobProgress()
            live[id] = progress
            defer { live[id] = nil }
            let record = try await PlanPipeline.run(store: store, label: job.label, actor: job.requestedBy, progress: progress)
            progress.report(ProgressUpdate(step: PlanPipeline.refreshing))
            cache.replace(with: try await PlanView.load(from: store))
            update(id) {
                $0.status = "complete"
                $0.stage = "complete"
                $0.progress = 1
                $0.runNumber = record.runNumber
                $0.finishedAt = store.clock.now().iso8601
            }
            logger.info("plan run stored", metadata: ["run_number": "\(record.runNumber)", "job": "\(id)"])
        } catch {
            logger.error("plan run failed", metadata: ["job": "\(id)", "error": "\(error)"])
            update(id) {
                $0.status = "failed"
                $0.error = "\(error)"
                $0.finishedAt = store.clock.now().iso8601
            }
        }
    }
}
