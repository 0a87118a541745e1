import InventoryCore
import SQLKit

extension Store {
    /// Starts a session (`session.sign_in` in the audit log, same transaction).
    ///
    /// - Parameter previousHash: the session the same browser had until now (its cookie came with
    ///   the sign-in): it ends in the same transaction (`session.sign_out`), so signing in again
    ///   never leaves two sessions of one browser alive.
    public func createSession(_ session: SessionRecord, remoteAddress: String = "", replacing previousHash: String? = nil)
        async throws
    {
        try await backend.transaction { db in
            if let previousHash, previousHash != session.sessionHash {
                try await Self.deleteSession(
                    hash: previousHash, detail: "signed in again; this session ended", at: clock.now().iso8601, db)
            }
            try await db.raw(
                """
                INSERT INTO sessions (session_hash, user_id, csrf_token, created_at, expires_at) VALUES \
                (\(bind: session.sessionHash), \(bind: session.userID), \(bind: session.csrfToken), \(bind: clock.now().iso8601), \
                \(bind: session.expiresAt))
                """
            ).run()
            try await Self.writeAudit(
                at: clock.now().iso8601,
                AuditEntry(
                    actor: session.userID, action: "session.sign_in", subject: "user:\(session.userID)",
                    detail: remoteAddress.isEmpty ? "signed in" : "signed in from \(remoteAddress)"), db)
        }
    }

    /// A session by the hash of its secret (expired ones too: the caller compares ``SessionRecord/expiresAt``).
    public func session(hash: String) async throws -> SessionRecord? {
        try await backend.read { db in
            try await db.raw(
                "SELECT session_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE session_hash = \(bind: hash)"
            ).first().map { row in
                SessionRecord(
                    sessionHash: try row.decode(column: "session_hash", as: String.self),
                    userID: try row.decode(column: "user_id", as: String.self),
                    csrfToken: try row.decode(column: "csrf_token", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: String.self),
                    expiresAt: try row.decode(column: "expires_at", as: String.self))
            }
        }
    }

    /// Ends a session (`session.sign_out`); nothing happens when there is none.
    public func deleteSession(hash: String) async throws {
        try await backend.transaction { db in
            try await Self.deleteSession(hash: hash, detail: "signed out", at: clock.now().iso8601, db)
        }
    }

    static func deleteSession(hash: String, detail: String, at now: String, _ db: any SQLDatabase) async throws {
        let rows = try await db.raw("DELETE FROM sessions WHERE session_hash = \(bind: hash) RETURNING user_id").all()
        for row in rows {
            let user = try row.decode(column: "user_id", as: String.self)
            try await writeAudit(
                at: now, AuditEntry(actor: user, action: "session.sign_out", subject: "user:\(user)", detail: detail), db)
        }
    }

    /// Removes sessions that ended before `now` (ISO 8601 UTC); returns how many.
    @discardableResult
    public func deleteExpiredSessions(now: String) async throws -> Int {
        try await backend.transaction { db in
            try await db.raw("DELETE FROM sessions WHERE expires_at < \(bind: now) RETURNING session_hash").all().count
        }
    }
}
