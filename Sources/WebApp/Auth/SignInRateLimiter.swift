import Synchronization

/// Limits failed sign-ins three ways, counting each attempt *before* its password is checked (so
/// parallel attempts cannot all slip past the limit while bcrypt runs):
///
/// 1. per client address and user id: ``Configuration/maximumFailures`` (5) in
///    ``Configuration/window`` (15 minutes);
/// 2. per account, from any address: ``Configuration/accountFailures`` (100) in
///    ``Configuration/accountWindow`` (an hour) — except from an address the user signed in from
///    successfully within ``Configuration/trustLifetime`` (30 days), so an attacker spreading
///    guesses over many addresses cannot lock the real user out of their usual place;
/// 3. per address, over all user ids: ``Configuration/addressFailures`` (100) in
///    ``Configuration/addressWindow`` (an hour) — password spraying from one address.
///
/// Over a limit, sign-in answers 429 with `Retry-After`: the seconds until enough failures leave
/// the window. A successful sign-in clears the pair's failures and takes back its own attempt.
///
/// Kept in memory (one server process; a restart forgets failures and trusted addresses alike);
/// the clock is injected so tests can move time.
final class SignInRateLimiter: Sendable {
    struct Configuration: Sendable {
        var maximumFailures: Int = 5
        var window: Duration = .seconds(15 * 60)
        var accountFailures: Int = 100
        var accountWindow: Duration = .seconds(3600)
        var addressFailures: Int = 100
        var addressWindow: Duration = .seconds(3600)
        var trustLifetime: Duration = .seconds(30 * 86_400)
    }

    /// An admitted attempt: give it back with ``succeeded(_:)`` when the password was right.
    struct Ticket: Sendable {
        fileprivate var address: String
        fileprivate var user: String
        fileprivate var at: ContinuousClock.Instant
    }

    enum Admission: Sendable {
        case allowed(Ticket)
        case limited(retryAfterSeconds: Int)
    }

    private struct State {
        var pairs: [String: [ContinuousClock.Instant]] = [:]
        var accounts: [String: [ContinuousClock.Instant]] = [:]
        var addresses: [String: [ContinuousClock.Instant]] = [:]
        var trusted: [String: ContinuousClock.Instant] = [:]
    }

    private let configuration: Configuration
    private let state: Mutex<State>
    private let now: @Sendable () -> ContinuousClock.Instant

    init(configuration: Configuration = .init(), now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now })
    {
        self.configuration = configuration
        self.state = Mutex(State())
        self.now = now
    }

    private static func pair(_ address: String, _ user: String) -> String { address + "\u{1F}" + user.lowercased() }

    /// Seconds to wait before trying again, or `nil` when a try is allowed now (nothing is recorded).
    func retryAfter(address: String, user: String) -> Int? {
        let now = self.now()
        return state.withLock { wait(&$0, address: address, user: user, now: now) }
    }

    /// Admits an attempt and counts it as a failure at once, or says how long to wait.
    func admit(address: String, user: String) -> Admission {
        let now = self.now()
        return state.withLock { state -> Admission in
            if let seconds = wait(&state, address: address, user: user, now: now) { return .limited(retryAfterSeconds: seconds) }
            record(&state, address: address, user: user, at: now)
            return .allowed(Ticket(address: address, user: user, at: now))
        }
    }

    /// The admitted attempt succeeded: its failure is taken back, the pair's failures are
    /// forgotten, and the address is trusted for the account.
    func succeeded(_ ticket: Ticket) {
        state.withLock { state in
            Self.remove(ticket.at, from: &state.accounts, key: ticket.user.lowercased())
            Self.remove(ticket.at, from: &state.addresses, key: ticket.address)
            clear(&state, address: ticket.address, user: ticket.user, now: now())
        }
    }

    /// Records a failed try (outside ``admit(address:user:)``).
    func recordFailure(address: String, user: String) {
        let now = self.now()
        state.withLock { record(&$0, address: address, user: user, at: now) }
    }

    /// Forgets the pair's failures and trusts the address for the account (after a successful sign-in).
    func recordSuccess(address: String, user: String) {
        let now = self.now()
        state.withLock { clear(&$0, address: address, user: user, now: now) }
    }

    private func clear(_ state: inout State, address: String, user: String, now: ContinuousClock.Instant) {
        let key = Self.pair(address, user)
        state.pairs.removeValue(forKey: key)
        state.trusted[key] = now
        if state.trusted.count > 100_000 { state.trusted = state.trusted.filter { now - $0.value < configuration.trustLifetime } }
    }

    private func record(_ state: inout State, address: String, user: String, at now: ContinuousClock.Instant) {
        state.pairs[Self.pair(address, user), default: []].append(now)
        state.accounts[user.lowercased(), default: []].append(now)
        state.addresses[address, default: []].append(now)
        // Bound memory: forget keys whose failures are all outside their window.
        if state.pairs.count > 10_000 {
            state.pairs = state.pairs.filter { $0.value.contains { now - $0 < configuration.window } }
        }
        if state.accounts.count > 10_000 {
            state.accounts = state.accounts.filter { $0.value.contains { now - $0 < configuration.accountWindow } }
        }
        if state.addresses.count > 10_000 {
            state.addresses = state.addresses.filter { $0.value.contains { now - $0 < configuration.addressWindow } }
        }
    }

    private func wait(_ state: inout State, address: String, user: String, now: ContinuousClock.Instant) -> Int? {
        let pairKey = Self.pair(address, user)
        var longest: Duration? = nil
        func check(_ table: inout [String: [ContinuousClock.Instant]], _ key: String, limit: Int, window: Duration) {
            let recent = (table[key] ?? []).filter { now - $0 < window }
            table[key] = recent.isEmpty ? nil : recent
            guard recent.count >= limit else { return }
            // Wait until enough failures leave the window that one more is allowed.
            let wait = window - (now - recent[recent.count - limit])
            if longest.map({ wait > $0 }) ?? true { longest = wait }
        }
        check(&state.pairs, pairKey, limit: configuration.maximumFailures, window: configuration.window)
        check(&state.addresses, address, limit: configuration.addressFailures, window: configuration.addressWindow)
        let trusted = state.trusted[pairKey].map { now - $0 < configuration.trustLifetime } ?? false
        if !trusted {
            check(&state.accounts, user.lowercased(), limit: configuration.accountFailures, window: configuration.accountWindow)
        }
        return longest.map { max(1, Int($0.components.seconds) + 1) }
    }

    private static func remove(
        _ instant: ContinuousClock.Instant, from table: inout [String: [ContinuousClock.Instant]], key: String
    ) {
        guard var list = table[key], let index = list.lastIndex(of: instant) else { return }
        list.remove(at: index)
        table[key] = list.isEmpty ? nil : list
    }
}
