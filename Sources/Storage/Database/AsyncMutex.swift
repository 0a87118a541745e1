/// A first-come, first-served lock for async code: one holder at a time, waiters resume in order.
///
/// SQLite allows one writer at a time; this gate keeps the in-process writers in line so they
/// never spin on `SQLITE_BUSY` (other processes are held off by `BEGIN IMMEDIATE` and the busy
/// timeout).
actor AsyncMutex {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` holding the lock.
    nonisolated func withLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await lock()
        do {
            let result = try await body()
            await unlock()
            return result
        } catch {
            await unlock()
            throw error
        }
    }
}
