import InventoryCore
import SQLKit

extension Store {
    /// Creates a user; the audit log records it (`user.create`) in the same transaction.
    ///
    /// - Throws: ``StorageError/Code/duplicateUser`` when the id is taken,
    ///   ``StorageError/Code/unknownSupplier`` when ``UserRecord/supplierID`` is not in the database.
    @discardableResult
    public func createUser(_ user: UserRecord, actor: String) async throws -> UserRecord {
        try await backend.transaction { db in
            if try await Self.user(id: user.userID, db) != nil {
                throw StorageError(
                    .duplicateUser,
                    "user '\(user.userID)' exists already — choose another id, or use `procura user passwd` to change the password"
                )
            }
            if let supplier = user.supplierID,
                try await db.raw("SELECT supplier_id FROM suppliers WHERE supplier_id = \(bind: supplier)").first() == nil
            {
                throw StorageError(
                    .unknownSupplier, "supplier '\(supplier)' is not in the database — import it first (suppliers.csv)")
            }
            var created = user
            created.createdAt = clock.now().iso8601
            try await db.raw(
                """
                INSERT INTO users (user_id, display_name, role, supplier_id, password_hash, active, created_at) VALUES \
                (\(bind: created.userID), \(bind: created.displayName), \(bind: created.role), \(bind: created.supplierID), \
                \(bind: created.passwordHash), \(bind: created.active ? 1 : 0), \(bind: created.createdAt))
                """
            ).run()
            try await Self.writeAudit(
                at: clock.now().iso8601,
                AuditEntry(
                    actor: actor, action: "user.create", subject: "user:\(created.userID)", detail: "role \(created.role)",
                    after: created.auditJSON), db)
            return created
        }
    }

    /// One user, or `nil`.
    public func user(id: String) async throws -> UserRecord? {
        try await backend.read { db in try await Self.user(id: id, db) }
    }

    /// Every user, by id.
    public func users() async throws -> [UserRecord] {
        try await backend.read { db in
            try await db.raw(
                "SELECT user_id, display_name, role, supplier_id, password_hash, active, created_at FROM users ORDER BY user_id"
            ).all().map(Self.userRecord(row:))
        }
    }

    /// Replaces a user's password hash and ends the user's sessions (`user.passwd` in the audit log).
    public func setPasswordHash(_ hash: String, userID: String, actor: String) async throws {
        try await backend.transaction { db in
            guard let before = try await Self.user(id: userID, db) else { throw Self.unknownUser(userID) }
            try await db.raw("UPDATE users SET password_hash = \(bind: hash) WHERE user_id = \(bind: userID)").run()
            try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
            var after = before
            after.passwordHash = hash
            try await Self.writeAudit(
                at: clock.now().iso8601,
                AuditEntry(
                    actor: actor, action: "user.passwd", subject: "user:\(userID)", detail: "password changed; sessions ended",
                    before: before.auditJSON, after: after.auditJSON), db)
        }
    }

    /// Enables or disables a user. Disabling ends the user's sessions and revokes the user's API
    /// tokens in the same transaction (`user.disable` / `user.enable`).
    @discardableResult
    public func setUserActive(_ active: Bool, userID: String, actor: String) async throws -> UserRecord {
        try await backend.transaction { db in
            guard let before = try await Self.user(id: userID, db) else { throw Self.unknownUser(userID) }
            let now = clock.now().iso8601
            try await db.raw("UPDATE users SET active = \(bind: active ? 1 : 0) WHERE user_id = \(bind: userID)").run()
            var detail = active ? "enabled" : "disabled"
            if !active {
                try await db.raw("DELETE FROM sessions WHERE user_id = \(bind: userID)").run()
                let revoked = try await db.raw(
                    "UPDATE api_tokens SET revoked_at = \(bind: now) WHERE user_id = \(bind: userID) AND revoked_at IS NULL RETURNING token_id"
                ).all().count
                detail += "; sessions ended; \(revoked) API token\(revoked == 1 ? "" : "s") revoked"
            }
            var after = before
            after.active = active
            try await Self.writeAudit(
                at: clock.now().iso8601,
                AuditEntry(
                    actor: actor, action: active ? "user.enable" : "user.disable", subject: "user:\(userID)", detail: detail,
                    before: before.auditJSON, after: after.auditJSON), db)
            return after
        }
    }

    static func user(id: String, _ db: any SQLDatabase) async throws -> UserRecord? {
        try await db.raw(
            "SELECT user_id, display_name, role, supplier_id, password_hash, active, created_at FROM users WHERE user_id = \(bind: id)"
        ).first().map(userRecord(row:))
    }

    static func userRecord(row: any SQLRow) throws -> UserRecord {
        UserRecord(
            userID: try row.decode(column: "user_id", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            supplierID: try row.decode(column: "supplier_id", as: String?.self),
            passwordHash: try row.decode(column: "password_hash", as: String?.self),
            active: try row.decode(column: "active", as: Int.self) != 0,
            createdAt: try row.decode(column: "created_at", as: String.self))
    }

    static func unknownUser(_ id: String) -> StorageError {
        StorageError(.unknownUser, "user '\(id)' does not exist — list users with `procura user list`")
    }
}
