public import InventoryCore

extension Store {
    /// Posts one transaction to the ledger, in its own database transaction.
    ///
    /// Idempotent by ``PostingRequest/key``: when the key was posted before — by an earlier call,
    /// a retry, or a concurrent writer — nothing new is posted and the original result comes back
    /// with ``PostingResult/replayed`` set; the same key with a different payload throws
    /// ``StorageError/Code/idempotencyConflict``. Positions change in the same transaction, so they
    /// always equal the sum of the entries.
    ///
    /// On SQLite, postings that arrive while another is being written are committed together
    /// (group commit, one fsync); the call returns after its commit.
    ///
    /// The request is checked by ``LedgerRules/validate(_:today:settings:)`` (with the posting-date
    /// window of the settings stored by the last import), its movements come from
    /// ``LedgerRules/effect(of:)``, and the balance rules refuse what would go negative or leave
    /// the fixed-point range — nothing is written then.
    ///
    /// - Parameter today: the day the posting-date window is measured from; `nil`: today by the
    ///   store's ``clock``.
    public func post(_ request: PostingRequest, today: Day? = nil) async throws -> PostingResult {
        if let committer { return try await committer.post(request, today: today, backend: backend) }
        return try await backend.transaction { db in
            try await LedgerWriter(db: db, recordedAt: clock.now()).post(request, today: today ?? clock.today())
        }
    }

    /// Posts several transactions all or nothing, in order, in one database transaction (the rules
    /// of ``post(_:today:)`` for each).
    ///
    /// - Parameter progress: hears the requests posted so far (step `posting`), about once a
    ///   percent (inside the transaction: nothing is committed before the last).
    /// - Throws: ``PostingBatchError`` naming the failed request's position; nothing is applied then.
    public func post(
        _ requests: [PostingRequest], today: Day? = nil, progress: any ProgressReporter = SilentProgress()
    ) async throws -> [PostingResult] {
        try await backend.transaction { db in
            let counter = ProgressCounter(progress, step: "posting", total: requests.count, unit: "postings")
            let writer = LedgerWriter(db: db, recordedAt: clock.now())
            var results: [PostingResult] = []
            results.reserveCapacity(requests.count)
            for (index, request) in requests.enumerated() {
                do {
                    results.append(try await writer.post(request, today: today ?? clock.today()))
                    counter.add(1)
                } catch let error as StorageError {
                    throw PostingBatchError(index: index, key: request.key, underlying: error)
                }
            }
            return results
        }
    }
}

/// A posting in a batch failed; the whole batch was rolled back.
public struct PostingBatchError: Error, Sendable, CustomStringConvertible {
    /// Position of the failed request (0-based).
    public var index: Int
    /// Its idempotency key.
    public var key: String
    /// What was wrong.
    public var underlying: StorageError

    /// Creates the error.
    public init(index: Int, key: String, underlying: StorageError) {
        self.index = index
        self.key = key
        self.underlying = underlying
    }

    public var description: String { underlying.message }
}
