import Foundation
import InventoryCore
import InventoryPolicy
import Logging
import Planning
import Storage
import Synchronization

/// Back-tests, scenarios and stress tests run in the background with their progress — the "run with
/// progress" of the back-test and scenario pages and `POST /api/v1/analysis-jobs/…`. A job's input
/// is checked before it is queued (a spec with an error is refused and nothing runs); jobs run one at
/// a time, so a queue of them never takes more than the plan run's cores; each job belongs to the
/// user who started it — nobody else sees it (an unknown and a foreign job are both "no such job").
/// The newest 200 jobs are kept in memory; a restart forgets them (their results are not stored).
actor AnalysisJobs {
    /// What a job runs.
    enum Kind: String, Sendable, Codable {
        case backtest
        case scenario
        case stressTests = "stress_tests"
    }

    /// A finished job's document.
    enum Outcome: Sendable {
        /// The back-test and its options as a query suffix (for the item charts' links).
        case backtest(PolicyBacktestDocument, query: String)
        case scenario(ScenarioDocument)
        case stressTests(StressTestDocument)
    }

    /// A job as the API shows it.
    struct Job: Sendable, Codable {
        var jobId: String
        var kind: Kind
        /// `queued`, `running`, `complete` or `failed`.
        var status: String
        /// What it is doing: `queued`, `planning — policies`, `replaying`, `searching buffers`, `complete`.
        var stage: String
        /// The share done, 0 … 1.
        var progress: Double
        var label: String
        var requestedBy: String
        var createdAt: String
        var finishedAt: String?
        var error: String?
    }

    /// The work of a job: given where to report progress, its document.
    typealias Work = @Sendable (any ProgressReporter) async throws -> Outcome

    private struct Entry {
        var job: Job
        var work: Work?
        var outcome: Outcome?
        var progress: AnalysisProgress?
    }

    private let clock: any WallClock
    private let logger: Logger
    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var queue: [String] = []
    private var running = false

    init(clock: any WallClock, logger: Logger) {
        self.clock = clock
        self.logger = logger
    }

    /// The most jobs kept; the oldest finished one goes when a new one comes.
    static let kept = 200

    /// The most jobs one user may have queued or running at once.
    static let perUser = 5

    /// Queues `work`; it starts at once unless another job is running. `nil` when `requestedBy`
    /// already has ``perUser`` jobs queued or running (nothing is queued).
    func start(kind: Kind, label: String, requestedBy: String, work: @escaping Work) -> Job? {
        let open = entries.values.filter {
            $0.job.requestedBy == requestedBy && ($0.job.status == "queued" || $0.job.status == "running")
        }
        guard open.count < Self.perUser else { return nil }
        let id = "job_" + Secrets.random(bytes: 9)
        let job = Job(
            jobId: id, kind: kind, status: "queued", stage: "queued", progress: 0, label: label, requestedBy: requestedBy,
            createdAt: clock.now().iso8601)
        entries[id] = Entry(job: job, work: work)
        order.append(id)
        // Only finished jobs are forgotten (at most 5 per user are open, so the list stays bounded).
        if order.count > Self.kept,
            let oldest = order.first(where: { ["complete", "failed"].contains(entries[$0]?.job.status ?? "") })
        {
            order.removeAll { $0 == oldest }
            entries[oldest] = nil
        }
        queue.append(id)
        if !running {
            running = true
            Task { await self.drain() }
        }
        return job
    }

    /// The job `id` of `owner`, with its document when it is complete; `nil` when there is none
    /// or it is another user's.
    func job(id: String, owner: String) -> (job: Job, outcome: Outcome?)? {
        guard let entry = entries[id], entry.job.requestedBy == owner else { return nil }
        return (live(entry), entry.outcome)
    }

    /// `owner`'s jobs, newest first.
    func list(owner: String) -> [Job] {
        order.reversed().compactMap { id in
            entries[id].flatMap { $0.job.requestedBy == owner ? live($0) : nil }
        }
    }

    /// A running job with the stage and share its work reported last.
    private func live(_ entry: Entry) -> Job {
        guard entry.job.status == "running", let progress = entry.progress else { return entry.job }
        var job = entry.job
        let (stage, share) = progress.current
        job.stage = stage
        job.progress = share
        return job
    }

    private func drain() async {
        while !queue.isEmpty {
            let id = queue.removeFirst()
            await execute(id)
        }
        running = false
    }

    private func execute(_ id: String) async {
        guard let work = entries[id]?.work else { return }
        let progress = AnalysisProgress()
        entries[id]?.progress = progress
        entries[id]?.work = nil
        entries[id]?.job.status = "running"
        do {
            let outcome = try await work(progress)
            entries[id]?.outcome = outcome
            entries[id]?.job.status = "complete"
            entries[id]?.job.stage = "complete"
            entries[id]?.job.progress = 1
        } catch {
            let message = (error as? Problem)?.detail ?? (error as? PolicyError)?.message ?? "\(error)"
            logger.error("analysis job failed", metadata: ["job": "\(id)", "error": "\(message)"])
            entries[id]?.job.status = "failed"
            entries[id]?.job.stage = "failed"
            entries[id]?.job.error = message
        }
        entries[id]?.job.finishedAt = clock.now().iso8601
        entries[id]?.progress = nil
    }
}

/// The stage and share of one analysis job, written by its plan run and replay and read by the
/// job's page: the plan run's steps (classification, forecasting, policies, explanation) take the
/// first 60 %, the replay the next 25 %, the search for extra buffers the rest.
final class AnalysisProgress: ProgressReporter {
    private let latest = Mutex((stage: "starting", share: 0.0))

    /// The planning steps in order, and where the replay starts.
    static let planning = PlanningStep.allCases.map(\.rawValue)
    static let replayStart = 0.6
    static let bufferStart = 0.85

    func report(_ update: ProgressUpdate) {
        let fraction = update.fraction ?? 0
        let value: (String, Double)
        if let k = Self.planning.firstIndex(of: update.step) {
            value = ("planning — \(update.step)", Self.replayStart * (Double(k) + fraction) / Double(Self.planning.count))
        } else if update.step == ScenarioRun.bufferStep {
            value = (update.step, Self.bufferStart)
        } else {
            value = (update.step, Self.replayStart + (Self.bufferStart - Self.replayStart) * fraction)
        }
        latest.withLock { $0 = value }
    }

    var current: (stage: String, share: Double) { latest.withLock { $0 } }
}
