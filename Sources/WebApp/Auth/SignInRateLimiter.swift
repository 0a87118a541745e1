import Synchronization

/// Limits failed sign-ins per (client address, user id): after ``Configuration/maximumFailures``
/// failures within ``Configuration/window`` the pair is refused until the oldest failure leaves the
/// window (HTTP 429 with `Retry-After`). A successful sign-in clears the pair's failures.
///
/// Kept in memory (one server process); the clock is injected so tests can move time.
final class SignInRateLimiter: Sendable {
    struct Configuration: Sendable {
        var maximumFailures: Int = 5
        var window: Duration = .seconds(15 * 60)
    }

    private let configuration: Configuration
    private let failures: Mutex<[String: [ContinuousClock.Instant]]>
    private let now: @Sendable () -> ContinuousClock.Instant

    init(configuration: Configuration = .init(), now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.configuration = configuration
        self.failures = Mutex([:])
        self.now = now
    }

    private static func key(address: String, user: String) -> String { address + "\u{1F}" + user.lowercased() }

    /// Seconds to wait before trying again, or `nil` when a try is allowed now.
    func retryAfter(address: String, user: String) -> Int? {
        let key = Self.key(address: address, user: user)
        let now = self.now()
        let window = configuration.window
        let limit = configuration.maximumFailures
        return failures.withLock { table -> Int? in
            let recent = (table[key] ?? []).filter { now - $0 < window }
            table[key] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            let wait = window - (now - oldest)
            return max(1, Int(wait.components.seconds) + 1)
        }
    }

    /// Records a failed try.
    func recordFailure(address: String, user: String) {
        let key = Self.key(address: address, user: user)
        let now = self.now()
        failures.withLock { table in
            table[key, default: []].append(now)
            // Bound memory: forget pairs whose failures are all outside the window.
            if table.count > 10_000 {
                table = table.filter { $0.value.contains { now - $0 < configuration.window } }
            }
        }
    }

    /// Forgets the pair's failures (after a successful sign-in).
    func recordSuccess(address: String, user: String) {
        let key = Self.key(address: address, user: user)
        _ = failures.withLock { $0.removeValue(forKey: key) }
    }
}
