import Foundation
import HummingbirdBcrypt
import InventoryCore
import Logging
import Storage
import Synchronization
import Workflow

/// Sign-in, sessions and API tokens over the ``Store``, with short-lived caches so that a request
/// authenticated by a token or a session normally costs no database round trip.
///
/// Cached entries live ``Configuration/cacheLifetime`` (default 5 s): a user disabled or a token
/// revoked by another process (`procura user disable`) stops working within that time; changes
/// made through this server drop the entries at once.
final class IdentityService: Sendable {
    struct Configuration: Sendable {
        /// How long a session lasts after sign-in.
        var sessionLifetime: Duration = .seconds(12 * 3600)
        /// How long a looked-up session or token is trusted without asking the database again.
        var cacheLifetime: Duration = .seconds(5)
        /// bcrypt cost for new password hashes (2^cost rounds).
        var bcryptCost: UInt8 = UserAdministration.defaultCost
        /// Days a new API token lives when the request names no lifetime.
        var tokenLifetimeDays: Int = TokenPolicy.defaultLifetimeDays
        var rateLimit = SignInRateLimiter.Configuration()
    }

    enum SignInResult: Sendable {
        case signedIn(sessionSecret: String, principal: Principal)
        case refused
        case rateLimited(retryAfterSeconds: Int)
    }

    private struct CacheEntry: Sendable {
        var principal: Principal?
        var until: ContinuousClock.Instant
    }

    let store: Store
    let configuration: Configuration
    let rateLimiter: SignInRateLimiter
    private let sessions: Mutex<[String: CacheEntry]>
    private let tokens: Mutex<[String: CacheEntry]>
    /// A real bcrypt hash to verify against when the user does not exist, so a wrong user id
    /// takes as long as a wrong password.
    private let decoyHash: String

    init(store: Store, configuration: Configuration = .init()) {
        self.store = store
        self.configuration = configuration
        self.rateLimiter = SignInRateLimiter(configuration: configuration.rateLimit)
        self.sessions = Mutex([:])
        self.tokens = Mutex([:])
        self.decoyHash = Bcrypt.hash(Secrets.random(bytes: 8), cost: configuration.bcryptCost)
    }

    // MARK: Sign-in

    /// Checks a user id and password from `address`; on success starts a session, ending
    /// `previousSessionSecret` (the session this browser had until now) in the same transaction.
    ///
    /// The attempt is counted by the rate limiter *before* the password is checked, so parallel
    /// attempts cannot all pass the limit while bcrypt runs.
    func signIn(userID: String, password: String, address: String, previousSessionSecret: String? = nil) async throws
        -> SignInResult
    {
        let ticket: SignInRateLimiter.Ticket
        switch rateLimiter.admit(address: address, user: userID) {
        case .limited(let seconds): return .rateLimited(retryAfterSeconds: seconds)
        case .allowed(let admitted): ticket = admitted
        }
        let user = try await store.user(id: userID)
        let hash = user?.passwordHash ?? decoyHash
        let matches = try await UserAdministration.verify(password, hash: hash)
        guard let user, matches, user.active, user.passwordHash != nil, let role = Role(rawValue: user.role) else {
            return .refused
        }
        rateLimiter.succeeded(ticket)
        let secret = Secrets.random()
        let csrf = Secrets.random()
        let hashOfSecret = Secrets.sha256Hex(secret)
        let expires = store.clock.now().adding(seconds: configuration.sessionLifetime.components.seconds)
        let previous = previousSessionSecret.map(Secrets.sha256Hex)
        try await store.createSession(
            SessionRecord(
                sessionHash: hashOfSecret, userID: user.userID, csrfToken: csrf, expiresAt: expires.iso8601),
            remoteAddress: address, replacing: previous)
        if let previous { sessions.withLock { _ = $0.removeValue(forKey: previous) } }
        let principal = Principal(
            userID: user.userID, displayName: user.displayName, role: role, supplierID: user.supplierID,
            method: .session(hash: hashOfSecret, csrfToken: csrf))
        return .signedIn(sessionSecret: secret, principal: principal)
    }

    /// Ends a session.
    func signOut(sessionHash: String) async throws {
        sessions.withLock { _ = $0.removeValue(forKey: sessionHash) }
        try await store.deleteSession(hash: sessionHash)
    }

    // MARK: Authentication of requests

    /// The principal of a session cookie's secret, or `nil` (unknown, expired, user disabled).
    func principal(sessionSecret: String) async throws -> Principal? {
        let hash = Secrets.sha256Hex(sessionSecret)
        let now = ContinuousClock.now
        if let cached = sessions.withLock({ $0[hash] }), cached.until > now { return cached.principal }
        var principal: Principal? = nil
        if let session = try await store.session(hash: hash), session.expiresAt > store.clock.now().iso8601,
            let user = try await store.user(id: session.userID), user.active, let role = Role(rawValue: user.role)
        {
            principal = Principal(
                userID: user.userID, displayName: user.displayName, role: role, supplierID: user.supplierID,
                method: .session(hash: hash, csrfToken: session.csrfToken))
        }
        let entry = CacheEntry(principal: principal, until: now + configuration.cacheLifetime)
        sessions.withLock { table in
            if table.count > 50_000 { table.removeAll() }
            table[hash] = entry
        }
        return principal
    }

    /// The principal of a bearer token, or `nil` (unknown, revoked, expired, user disabled).
    func principal(bearerToken: String) async throws -> Principal? {
        let hash = Secrets.sha256Hex(bearerToken)
        let now = ContinuousClock.now
        if let cached = tokens.withLock({ $0[hash] }), cached.until > now { return cached.principal }
        var principal: Principal? = nil
        if let token = try await store.apiToken(hash: hash), token.revokedAt == nil,
            token.expiresAt.map({ $0 > store.clock.now().iso8601 }) ?? true,
            let user = try await store.user(id: token.userID), user.active, let role = Role(rawValue: user.role)
        {
            principal = Principal(
                userID: user.userID, displayName: user.displayName, role: role, supplierID: user.supplierID,
                method: .token(id: token.tokenID))
        }
        let entry = CacheEntry(principal: principal, until: now + configuration.cacheLifetime)
        tokens.withLock { table in
            if table.count > 50_000 { table.removeAll() }
            table[hash] = entry
        }
        return principal
    }

    // MARK: Tokens

    /// Creates an API token for the principal; a token made by a token request gets it as its
    /// parent (it expires no later and is revoked with it). Returns the secret (shown once).
    func createToken(for principal: Principal, name: String, expiresInDays: Int?) async throws -> (
        secret: String, record: APITokenRecord
    ) {
        try await UserAdministration.createToken(
            store: store, userID: principal.userID, name: name, expiresInDays: expiresInDays,
            defaultDays: configuration.tokenLifetimeDays,
            parentTokenID: principal.tokenID, actor: principal.userID)
    }

    /// Forgets every cached token and session (after a user change made through this server).
    func dropCaches() {
        tokens.withLock { $0.removeAll() }
        sessions.withLock { $0.removeAll() }
    }

    /// ISO 8601 UTC with seconds, the database's timestamp form.
}
