import SQLKit

extension Store {
    static let tokenColumns = "token_id, token_hash, user_id, name, created_at, expires_at, revoked_at, parent_token_id"

    /// Stores a new API token (`token.create` in the audit log, same transaction).
    ///
    /// - Throws: ``StorageError/Code/unknownUser`` when the user does not exist,
    ///   ``StorageError/Code/unknownToken`` when ``APITokenRecord/parentTokenID`` names a token that
    ///   does not exist or is revoked (a token made with a token dies with it).
    @discardableResult
    public func createAPIToken(_ token: APITokenRecord, actor: String) async throws -> APITokenRecord {
        try await backend.transaction { db in
            guard try await Self.user(id: token.userID, db) != nil else { throw Self.unknownUser(token.userID) }
            if let parentID = token.parentTokenID {
                guard let parent = try await Self.apiToken(id: parentID, db), parent.revokedAt == nil else {
                    throw StorageError(
                        .unknownToken, "API token '\(parentID)' does not exist or is revoked — a token cannot be made with it")
                }
            }
            var created = token
            created.createdAt = Clock.nowText()
            created.revokedAt = nil
            try await db.raw(
                """
                INSERT INTO api_tokens (token_id, token_hash, user_id, name, created_at, expires_at, parent_token_id) VALUES \
                (\(bind: created.tokenID), \(bind: created.tokenHash), \(bind: created.userID), \(bind: created.name), \
                \(bind: created.createdAt), \(bind: created.expiresAt), \(bind: created.parentTokenID))
                """
            ).run()
            try await Self.writeAudit(
                AuditEntry(
                    actor: actor, action: "token.create", subject: "token:\(created.tokenID)",
                    detail: "for user \(created.userID)" + (created.parentTokenID.map { ", made with \($0)" } ?? ""),
                    after: created.auditJSON), db)
            return created
        }
    }

    /// A token by the hash of its secret (revoked and expired ones too: the caller checks).
    public func apiToken(hash: String) async throws -> APITokenRecord? {
        try await backend.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens WHERE token_hash = \(bind: hash)").first()
                .map(Self.tokenRecord(row:))
        }
    }

    /// A token by its id (revoked and expired ones too).
    public func apiToken(id: String) async throws -> APITokenRecord? {
        try await backend.read { db in try await Self.apiToken(id: id, db) }
    }

    /// Tokens, of one user or all, by creation.
    public func apiTokens(userID: String? = nil) async throws -> [APITokenRecord] {
        try await backend.read { db in
            var query = SQLQueryString("SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens")
            if let userID { query += " WHERE user_id = \(bind: userID)" }
            query += " ORDER BY created_at, token_id"
            return try await db.raw(query).all().map(Self.tokenRecord(row:))
        }
    }

    /// Revokes a token and every token made with it, directly or through others (`token.revoke`,
    /// one entry each); revoking a revoked token changes nothing and is not logged again.
    @discardableResult
    public func revokeAPIToken(id: String, actor: String) async throws -> APITokenRecord {
        try await backend.transaction { db in
            guard let before = try await Self.apiToken(id: id, db) else {
                throw StorageError(.unknownToken, "API token '\(id)' does not exist — list tokens with `procura user token list`")
            }
            let now = Clock.nowText()
            var after = before
            if before.revokedAt == nil {
                after.revokedAt = now
                try await Self.revoke(before, at: now, actor: actor, detail: "for user \(before.userID)", db)
            }
            // The descendants, breadth first (a revoked parent's live children too: they die with it).
            var parents = [id]
            var seen: Set<String> = [id]
            while !parents.isEmpty {
                var query = SQLQueryString("SELECT \(unsafeRaw: Self.tokenColumns) FROM api_tokens WHERE parent_token_id IN (")
                for (k, parent) in parents.enumerated() { query += (k == 0 ? "" : ", ") + "\(bind: parent)" }
                query += ")"
                let children = try await db.raw(query).all().map(Self.tokenRecord(row:)).filter {
                    seen.insert($0.tokenID).inserted
                }
                for child in children where child.revokedAt == nil {
                    try await Self.revoke(
                        child, at: now, actor: actor, detail: "for user \(child.userID); made with \(child.parentTokenID ?? "")",
                        db)
                }
                parents = children.map(\.tokenID)
            }
            return after
        }
    }

    private static func revoke(_ token: APITokenRecord, at now: String, actor: String, detail: String, _ db: any SQLDatabase)
        async throws
    {
        var after = token
        after.revokedAt = now
        try await db.raw("UPDATE api_tokens SET revoked_at = \(bind: now) WHERE token_id = \(bind: token.tokenID)").run()
        try await writeAudit(
            AuditEntry(
                actor: actor, action: "token.revoke", subject: "token:\(token.tokenID)", detail: detail,
                before: token.auditJSON, after: after.auditJSON), db)
    }

    static func apiToken(id: String, _ db: any SQLDatabase) async throws -> APITokenRecord? {
        try await db.raw("SELECT \(unsafeRaw: tokenColumns) FROM api_tokens WHERE token_id = \(bind: id)").first().map(
            tokenRecord(row:))
    }

    static func tokenRecord(row: any SQLRow) throws -> APITokenRecord {
        APITokenRecord(
            tokenID: try row.decode(column: "token_id", as: String.self),
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self), name: try row.decode(column: "name", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            expiresAt: try row.decode(column: "expires_at", as: String?.self),
            revokedAt: try row.decode(column: "revoked_at", as: String?.self),
            parentTokenID: try row.decode(column: "parent_token_id", as: String?.self))
    }
}
