import SQLKit

extension Store {
    /// Stores a new API token (`token.create` in the audit log, same transaction).
    ///
    /// - Throws: ``StorageError/Code/unknownUser`` when the user does not exist.
    @discardableResult
    public func createAPIToken(_ token: APITokenRecord, actor: String) async throws -> APITokenRecord {
        try await backend.transaction { db in
            guard try await Self.user(id: token.userID, db) != nil else { throw Self.unknownUser(token.userID) }
            var created = token
            created.createdAt = Clock.nowText()
            created.revokedAt = nil
            try await db.raw(
                """
                INSERT INTO api_tokens (token_id, token_hash, user_id, name, created_at, expires_at) VALUES \
                (\(bind: created.tokenID), \(bind: created.tokenHash), \(bind: created.userID), \(bind: created.name), \
                \(bind: created.createdAt), \(bind: created.expiresAt))
                """
            ).run()
            try await Self.writeAudit(
                AuditEntry(actor: actor, action: "token.create", subject: "token:\(created.tokenID)",
                    detail: "for user \(created.userID)", after: created.auditJSON), db)
            return created
        }
    }

    /// A token by the hash of its secret (revoked and expired ones too: the caller checks).
    public func apiToken(hash: String) async throws -> APITokenRecord? {
        try await backend.read { db in
            try await db.raw(
                "SELECT token_id, token_hash, user_id, name, created_at, expires_at, revoked_at FROM api_tokens WHERE token_hash = \(bind: hash)"
            ).first().map(Self.tokenRecord(row:))
        }
    }

    /// Tokens, of one user or all, by creation.
    public func apiTokens(userID: String? = nil) async throws -> [APITokenRecord] {
        try await backend.read { db in
            var query = SQLQueryString("SELECT token_id, token_hash, user_id, name, created_at, expires_at, revoked_at FROM api_tokens")
            if let userID { query += " WHERE user_id = \(bind: userID)" }
            query += " ORDER BY created_at, token_id"
            return try await db.raw(query).all().map(Self.tokenRecord(row:))
        }
    }

    /// Revokes a token (`token.revoke`); revoking a revoked token changes nothing and is not logged again.
    @discardableResult
    public func revokeAPIToken(id: String, actor: String) async throws -> APITokenRecord {
        try await backend.transaction { db in
            guard let before = try await db.raw(
                "SELECT token_id, token_hash, user_id, name, created_at, expires_at, revoked_at FROM api_tokens WHERE token_id = \(bind: id)"
            ).first().map(Self.tokenRecord(row:)) else {
                throw StorageError(.unknownToken, "API token '\(id)' does not exist — list tokens with `procura user token list`")
            }
            if before.revokedAt != nil { return before }
            var after = before
            after.revokedAt = Clock.nowText()
            try await db.raw("UPDATE api_tokens SET revoked_at = \(bind: after.revokedAt) WHERE token_id = \(bind: id)").run()
            try await Self.writeAudit(
                AuditEntry(actor: actor, action: "token.revoke", subject: "token:\(id)", detail: "for user \(before.userID)",
                    before: before.auditJSON, after: after.auditJSON), db)
            return after
        }
    }

    static func tokenRecord(row: any SQLRow) throws -> APITokenRecord {
        APITokenRecord(
            tokenID: try row.decode(column: "token_id", as: String.self), tokenHash: try row.decode(column: "token_hash", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self), name: try row.decode(column: "name", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self), expiresAt: try row.decode(column: "expires_at", as: String?.self),
            revokedAt: try row.decode(column: "revoked_at", as: String?.self))
    }
}
