import Foundation
import InventoryCore
import SQLKit

/// Group commit for single postings on SQLite: postings that arrive while the writer is busy are
/// committed together in one transaction — one fsync for all of them.
///
/// A posting of the group that is refused (negative stock, unknown unit, …) is refused before it
/// writes anything (``LedgerWriter/checksBeforeWriting``), so the others go on. Should anything
/// fail after a write, the transaction is rolled back and every posting of the group is run
/// again in a transaction of its own. Every caller gets its own result only after the transaction
/// holding its posting has committed (durable at the database's `synchronous` setting). This is the classic group commit of database
/// logs (Gray & Reuter, *Transaction Processing: Concepts and Techniques*, 1993, §9.4.7).
final class GroupCommitter: @unchecked Sendable {
    // @unchecked: `pending` and `flushing` are only touched while holding `lock`.
    private let lock = NSLock()
    private var pending: [(Submission, CheckedContinuation<PostingResult, any Error>)] = []
    private var flushing = false
    /// A posting, the day its date window is measured from and when it was submitted.
    struct Submission {
        var request: PostingRequest
        var today: Day
        var recordedAt: Timestamp
    }
    /// Most postings in one transaction.
    let maximumBatch: Int

    /// The store's clock (``LedgerWriter/recordedAt``).
    let clock: any WallClock

    init(maximumBatch: Int = 256, clock: any WallClock) {
        self.maximumBatch = maximumBatch
        self.clock = clock
    }

    /// Posts `request` in the next group transaction.
    ///
    /// Leader and followers: a caller that finds no group in progress commits its own posting at
    /// once, on its own task, together with whatever is waiting (so one client posting one after
    /// the other never hops to another task); callers arriving meanwhile wait, and the leader hands
    /// them to a flush task that commits them in groups until none are left.
    func post(_ request: PostingRequest, today: Day?, backend: any DatabaseBackend) async throws -> PostingResult {
        let now = clock.now()
        let request = Submission(request: request, today: today ?? now.day, recordedAt: now)
        let waiting: [(Submission, CheckedContinuation<PostingResult, any Error>)]? = lock.withLock {
            guard !flushing else { return nil }
            flushing = true
            let waiting = Array(pending.prefix(maximumBatch - 1))
            pending.removeFirst(waiting.count)
            return waiting
        }
        guard let waiting else {
            return try await withCheckedThrowingContinuation { continuation in
                let lead = lock.withLock {
                    pending.append((request, continuation))
                    if flushing { return false }
                    flushing = true  // the group ended meanwhile: start a flush for this posting
                    return true
                }
                if lead { Task { await self.flush(backend) } }
            }
        }

        let own: Result<PostingResult, any Error>
        let requests = [request] + waiting.map(\.0)
        do {
            let outcomes = try await backend.transaction { db in try await Self.post(requests, db: db) }
            own = outcomes[0]
            for ((_, continuation), outcome) in zip(waiting, outcomes.dropFirst()) { continuation.resume(with: outcome) }
        } catch {
            own = await Self.alone(request, backend: backend, groupError: error, groupSize: requests.count)
            for (request, continuation) in waiting {
                continuation.resume(
                    with: await Self.alone(request, backend: backend, groupError: error, groupSize: requests.count))
            }
        }
        let more = lock.withLock {
            if pending.isEmpty { flushing = false }
            return flushing
        }
        if more { Task { await self.flush(backend) } }
        return try own.get()
    }

    /// A posting of a failed group, run again in a transaction of its own (a group of one keeps its error).
    private static func alone(
        _ request: Submission, backend: any DatabaseBackend, groupError: any Error, groupSize: Int
    ) async -> Result<PostingResult, any Error> {
        guard groupSize > 1 else { return .failure(groupError) }
        do {
            return .success(
                try await backend.transaction { db in
                    try await LedgerWriter(db: db, recordedAt: request.recordedAt).post(request.request, today: request.today)
                }
            )
        } catch {
            return .failure(error)
        }
    }

    private func takeBatch() -> [(Submission, CheckedContinuation<PostingResult, any Error>)] {
        lock.lock()
        defer { lock.unlock() }
        if pending.isEmpty {
            flushing = false
            return []
        }
        let batch = Array(pending.prefix(maximumBatch))
        pending.removeFirst(batch.count)
        return batch
    }

    private func flush(_ backend: any DatabaseBackend) async {
        while true {
            let batch = takeBatch()
            if batch.isEmpty { return }
            let requests = batch.map(\.0)
            do {
                let outcomes = try await backend.transaction { db in try await Self.post(requests, db: db) }
                for ((_, continuation), outcome) in zip(batch, outcomes) { continuation.resume(with: outcome) }
            } catch {
                for (request, continuation) in batch {
                    continuation.resume(
                        with: await Self.alone(request, backend: backend, groupError: error, groupSize: batch.count))
                }
            }
        }
    }

    /// Posts the group; a posting refused before writing gets its error, anything else aborts.
    private static func post(_ requests: [Submission], db: any SQLDatabase) async throws -> [Result<PostingResult, any Error>] {
        let recordedAt = requests.map(\.recordedAt).max() ?? Timestamp(secondsSinceEpoch: 0)
        let writer = LedgerWriter(db: db, recordedAt: recordedAt, checksBeforeWriting: true)
        var outcomes: [Result<PostingResult, any Error>] = []
        outcomes.reserveCapacity(requests.count)
        for request in requests {
            do {
                outcomes.append(.success(try await writer.post(request.request, today: request.today)))
            } catch let error as StorageError where !writer.wrote {
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }
}
