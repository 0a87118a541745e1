import Foundation
import HummingbirdBcrypt
import Logging
import NIOPosix
import Storage
import Synchronization

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
        var bcryptCost: UInt8 = 12
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

    // MARK: Passwords

    /// bcrypt hash of a password, computed off Swift's cooperative threads.
    func hashPassword(_ password: String) async throws -> String {
        let cost = configuration.bcryptCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    private func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    // MARK: Sign-in

    /// Checks a user id and password from `address`; on success starts a session.
    func signIn(userID: String, password: String, address: String) async throws -> SignInResult {
        if let wait = rateLimiter.retryAfter(address: address, user: userID) { return .rateLimited(retryAfterSeconds: wait) }
        let user = try await store.user(id: userID)
        let hash = user?.passwordHash ?? decoyHash
        let matches = try await verify(password, hash: hash)
        guard let user, matches, user.active, user.passwordHash != nil, let role = Role(rawValue: user.role) else {
            rateLimiter.recordFailure(address: address, user: userID)
            return .refused
        }
        rateLimiter.recordSuccess(address: address, user: userID)
        let secret = Secrets.random()
        let csrf = Secrets.random()
        let hashOfSecret = Secrets.sha256Hex(secret)
        let expires = Date().addingTimeInterval(Double(configuration.sessionLifetime.components.seconds))
        try await store.createSession(
            SessionRecord(sessionHash: hashOfSecret, userID: user.userID, csrfToken: csrf, expiresAt: Self.iso(expires)),
            remoteAddress: address)
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
        if let session = try await store.session(hash: hash), session.expiresAt > Self.iso(Date()),
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
            token.expiresAt.map({ $0 > Self.iso(Date()) }) ?? true,
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

    /// Creates an API token for `userID`; returns the secret (shown once) and the record.
    func createToken(userID: String, name: String, expiresAt: Date? = nil, actor: String) async throws -> (secret: String, record: APITokenRecord) {
        try await Self.createToken(store: store, userID: userID, name: name, expiresAt: expiresAt, actor: actor)
    }

    /// Creates an API token (also used by the command line).
    static func createToken(store: Store, userID: String, name: String, expiresAt: Date? = nil, actor: String) async throws
        -> (secret: String, record: APITokenRecord)
    {
        let secret = "procura_" + Secrets.random()
        let record = try await store.createAPIToken(
            APITokenRecord(
                tokenID: "tok_" + Secrets.random(bytes: 9), tokenHash: Secrets.sha256Hex(secret), userID: userID, name: name,
                expiresAt: expiresAt.map(iso)),
            actor: actor)
        return (secret, record)
    }

    /// Forgets every cached token and session (after a user change made through this server).
    func dropCaches() {
        tokens.withLock { $0.removeAll() }
        sessions.withLock { $0.removeAll() }
    }

    /// ISO 8601 UTC with seconds, the database's timestamp form.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
