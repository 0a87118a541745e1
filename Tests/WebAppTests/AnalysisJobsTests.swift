import Foundation
import InventoryCore
import Logging
import Testing

@testable import WebApp

@Suite("Background analysis jobs: one at a time, five open per user, each its starter's")
struct AnalysisJobsTests {
    @Test(
        "a sixth open run of the same user is refused (nil: 429 at the door), another user's is queued; a job is invisible to others; a failed run keeps its error"
    )
    func limitsAndOwnership() async throws {
        let jobs = AnalysisJobs(clock: SystemClock(), logger: Logger(label: "procura.test.jobs"))
        let gate = AsyncStream<Void>.makeStream()
        // The first job waits for the gate, so the others stay queued behind it.
        let first = try #require(
            await jobs.start(kind: .scenario, label: "waits", requestedBy: "pia") { _ in
                for await _ in gate.stream { break }
                throw Problem.unprocessable("the run failed on purpose", code: "test")
            })
        var queued: [AnalysisJobs.Job] = []
        for k in 1..<AnalysisJobs.perUser {
            queued.append(
                try #require(
                    await jobs.start(kind: .backtest, label: "queued \(k)", requestedBy: "pia") { _ in
                        throw Problem.unprocessable("queued \(k) failed", code: "test")
                    }))
        }
        let sixth = await jobs.start(kind: .backtest, label: "one too many", requestedBy: "pia") { _ in
            throw Problem.unprocessable("never runs", code: "test")
        }
        #expect(sixth == nil)
        let other = await jobs.start(kind: .stressTests, label: "bo's", requestedBy: "bo") { _ in
            throw Problem.unprocessable("bo's failed", code: "test")
        }
        #expect(other != nil)
        #expect(await jobs.job(id: first.jobId, owner: "bo") == nil)
        #expect(await jobs.list(owner: "pia").map(\.jobId) == (queued.reversed() + [first]).map(\.jobId))
        #expect(await jobs.job(id: queued[0].jobId, owner: "pia")?.job.status == "queued")

        gate.continuation.yield()
        gate.continuation.finish()
        var status = ""
        for _ in 0..<200 {
            status = await jobs.job(id: first.jobId, owner: "pia")?.job.status ?? ""
            if status == "failed" { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        let failed = try #require(await jobs.job(id: first.jobId, owner: "pia"))
        #expect(failed.job.status == "failed" && failed.job.error == "the run failed on purpose" && failed.outcome == nil)
        #expect(failed.job.finishedAt != nil)
    }
}
