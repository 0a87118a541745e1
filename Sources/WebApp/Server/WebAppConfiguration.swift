/// How the web application runs.
public struct WebAppConfiguration: Sendable {
    /// When session cookies get the `Secure` attribute.
    public enum SecureCookies: String, Sendable {
        /// When the request came over TLS, as a proxy in front says with `X-Forwarded-Proto: https`.
        case auto
        /// Always (the server is only reached through TLS).
        case always
        /// Never (plain HTTP on loopback; tests).
        case never
    }

    /// Address to listen on.
    public var host: String
    /// Port (0: any free port).
    public var port: Int
    /// `Secure` on cookies.
    public var secureCookies: SecureCookies
    /// bcrypt cost of password hashes made by the server (12; tests use 4).
    public var bcryptCost: UInt8
    /// Failed sign-ins allowed per client address and user id within ``signInWindowSeconds``.
    public var signInFailureLimit: Int
    /// Failed sign-ins allowed per account, from any address, within an hour (an address the user
    /// signed in from within 30 days is not held back by it); also the limit per address over all
    /// accounts.
    public var accountFailureLimit: Int
    /// Days a new API token lives when the request names no lifetime (1 to 3,650).
    public var tokenLifetimeDays: Int
    /// Bytes of entries a list response holds at most (a page stops early; `next_cursor` goes on).
    public var listByteBudget: Int
    /// The sign-in rate limit's window.
    public var signInWindowSeconds: Int
    /// How long a signed-in session lasts.
    public var sessionLifetimeSeconds: Int
    /// How long a looked-up token or session is trusted before the database is asked again.
    public var authCacheSeconds: Int
    /// Name in logs.
    public var serverName: String

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: SecureCookies = .auto, bcryptCost: UInt8 = 12,
        signInFailureLimit: Int = 5, signInWindowSeconds: Int = 900, sessionLifetimeSeconds: Int = 12 * 3600,
        authCacheSeconds: Int = 5, serverName: String = "procura", accountFailureLimit: Int = 100, tokenLifetimeDays: Int = 90,
        listByteBudget: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.signInFailureLimit = signInFailureLimit
        self.signInWindowSeconds = signInWindowSeconds
        self.sessionLifetimeSeconds = sessionLifetimeSeconds
        self.authCacheSeconds = authCacheSeconds
        self.serverName = serverName
        self.accountFailureLimit = accountFailureLimit
        self.tokenLifetimeDays = tokenLifetimeDays
        self.listByteBudget = listByteBudget
    }
}
