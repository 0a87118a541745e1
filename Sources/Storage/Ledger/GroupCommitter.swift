import Foundation
import SQLKit

/// Group commit for single postings on SQLite: postings that arrive while the writer is busy are
/// committed together in one transaction — one fsync for all of them — each inside its own
/// savepoint, so one posting's error rolls back only that posting.
///
/// Every caller still gets its own result only after the transaction holding its posting has
/// committed (durable at the database's `synchronous` setting). A lone posting runs in a
/// transaction of its own, without savepoints. This is the classic group commit of database
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
                for (_, continuation) in batch { continuation.resume(throwing: error) }
            }
        }
    }

    private static func post(_ requests: [PostingRequest], db: any SQLDatabase) async throws -> [Result<PostingResult, any Error>] {
        let writer = LedgerWriter(db: db)
        if requests.count == 1 { return [.success(try await writer.post(requests[0]))] }
        var outcomes: [Result<PostingResult, any Error>] = []
        outcomes.reserveCapacity(requests.count)
        for request in requests {
            try await db.raw("SAVEPOINT posting").run()
            do {
                let result = try await writer.post(request)
                try await db.raw("RELEASE SAVEPOINT posting").run()
                outcomes.append(.success(result))
            } catch let error as StorageError {
                try await db.raw("ROLLBACK TO SAVEPOINT posting").run()
                try await db.raw("RELEASE SAVEPOINT posting").run()
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }
}
