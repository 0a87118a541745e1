import Foundation
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
    private var pending: [(PostingRequest, CheckedContinuation<PostingResult, any Error>)] = []
    private var flushing = false
    /// Most postings in one transaction.
    let maximumBatch: Int

    init(maximumBatch: Int = 256) {
        self.maximumBatch = maximumBatch
    }

    /// Posts `request` in the next group transaction.
    func post(_ request: PostingRequest, backend: any DatabaseBackend) async throws -> PostingResult {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            pending.append((request, continuation))
            let start = !flushing
            flushing = true
            lock.unlock()
            if start { Task { await self.flush(backend) } }
        }
    }

    private func takeBatch() -> [(PostingRequest, CheckedContinuation<PostingResult, any Error>)] {
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
                guard batch.count > 1 else {
                    batch[0].1.resume(throwing: error)
                    continue
                }
                for (request, continuation) in batch {
                    do {
                        continuation.resume(
                            returning: try await backend.transaction { db in try await LedgerWriter(db: db).post(request) })
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        }
    }

    /// Posts the group; a posting refused before writing gets its error, anything else aborts.
    private static func post(_ requests: [PostingRequest], db: any SQLDatabase) async throws -> [Result<PostingResult, any Error>] {
        let writer = LedgerWriter(db: db, checksBeforeWriting: true)
        var outcomes: [Result<PostingResult, any Error>] = []
        outcomes.reserveCapacity(requests.count)
        for request in requests {
            do {
                outcomes.append(.success(try await writer.post(request)))
            } catch let error as StorageError where !writer.wrote {
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }
}
