/// A signed-in browser session. The cookie holds a random secret; the database holds its SHA-256
/// hash (``sessionHash``), so a copy of the database signs nobody in.
public struct SessionRecord: Sendable, Hashable {
    /// Hex SHA-256 of the cookie's secret.
    public var sessionHash: String
    /// Who is signed in.
    public var userID: String
    /// The token every form of this session must carry (CSRF protection).
    public var csrfToken: String
    /// When it began (ISO 8601 UTC).
    public var createdAt: String
    /// When it ends (ISO 8601 UTC).
    public var expiresAt: String

    /// Creates a record.
    public init(sessionHash: String, userID: String, csrfToken: String, createdAt: String = "", expiresAt: String) {
        self.sessionHash = sessionHash
        self.userID = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
