import InventoryCore

/// A bearer token for the JSON API. The secret is shown once when it is created; the database keeps
/// its SHA-256 hash (``tokenHash``) and a public id to list and revoke it by.
public struct APITokenRecord: Sendable, Hashable {
    /// Public id (`tok_…`), safe to show and log.
    public var tokenID: String
    /// Hex SHA-256 of the secret.
    public var tokenHash: String
    /// Whose token: requests with it act as this user, with the user's role.
    public var userID: String
    /// What it is for (`erp-integration`, …).
    public var name: String
    /// When it was created (ISO 8601 UTC).
    public var createdAt: String
    /// When it stops working (`nil`: never — only tokens made before tokens expired by default).
    public var expiresAt: String?
    /// When it was revoked (`nil`: not revoked).
    public var revokedAt: String?
    /// The token whose request created this one (`nil`: made by a session or the command line).
    /// Revoking the parent revokes this token too.
    public var parentTokenID: String?

    /// Creates a record.
    public init(
        tokenID: String, tokenHash: String, userID: String, name: String = "", createdAt: String = "", expiresAt: String? = nil,
        revokedAt: String? = nil, parentTokenID: String? = nil
    ) {
        self.tokenID = tokenID
        self.tokenHash = tokenHash
        self.userID = userID
        self.name = name
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.parentTokenID = parentTokenID
    }

    var auditJSON: String {
        JSONValue.object([
            ("token_id", .string(tokenID)), ("user_id", .string(userID)), ("name", .string(name)),
            ("expires_at", expiresAt.map(JSONValue.string) ?? .null), ("revoked_at", revokedAt.map(JSONValue.string) ?? .null),
            ("parent_token_id", parentTokenID.map(JSONValue.string) ?? .null),
        ]).minified
    }
}
