import InventoryCore
import SQLKit

extension Store {
    /// Appends one entry to the audit log in its own transaction (for changes that are not written
    /// by a Store method that audits itself, e.g. a ledger posting made through the API).
    @discardableResult
    public func appendAudit(_ entry: AuditEntry) async throws -> AuditEntry {
        try await backend.transaction { db in try await Self.writeAudit(at: clock.now().iso8601, entry, db) }
    }

    /// The audit log, newest first: at most `limit` entries with an id below `beforeID` (the
    /// cursor of the next page), optionally of one actor, one action prefix (`user.`), one subject
    /// or subjects that start with `subjectPrefix` (`override:P1@DC1/`).
    public func auditLog(
        limit: Int = 50, beforeID: Int64? = nil, actor: String? = nil, actionPrefix: String? = nil, subject: String? = nil,
        subjectPrefix: String? = nil
    ) async throws -> [AuditEntry] {
        try await backend.read { db in
            var query = SQLQueryString(
                "SELECT audit_id, at, actor, action, subject, detail, before_value, after_value FROM audit_log WHERE 1 = 1")
            if let beforeID { query += " AND audit_id < \(bind: beforeID)" }
            if let actor { query += " AND actor = \(bind: actor)" }
            if let actionPrefix { query += " AND action LIKE \(bind: Self.likePrefix(actionPrefix)) ESCAPE '\\'" }
            if let subject { query += " AND subject = \(bind: subject)" }
            if let subjectPrefix { query += " AND subject LIKE \(bind: Self.likePrefix(subjectPrefix)) ESCAPE '\\'" }
            query += " ORDER BY audit_id DESC LIMIT \(bind: max(1, min(limit, 1_000)))"
            return try await db.raw(query).all().map { row in
                AuditEntry(
                    auditID: try row.decode(column: "audit_id", as: Int64.self),
                    at: try row.decode(column: "at", as: String.self),
                    actor: try row.decode(column: "actor", as: String.self),
                    action: try row.decode(column: "action", as: String.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    detail: try row.decode(column: "detail", as: String.self),
                    before: try row.decode(column: "before_value", as: String.self),
                    after: try row.decode(column: "after_value", as: String.self))
            }
        }
    }

    /// Writes an audit entry inside the caller's transaction, stamped `now` (the store's clock).
    @discardableResult
    static func writeAudit(at now: String, _ entry: AuditEntry, _ db: any SQLDatabase) async throws -> AuditEntry {
        var entry = entry
        entry.at = now
        guard
            let row = try await db.raw(
                """
                INSERT INTO audit_log (at, actor, action, subject, detail, before_value, after_value) VALUES \
                (\(bind: entry.at), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.subject), \(bind: entry.detail), \
                \(bind: entry.before), \(bind: entry.after)) RETURNING audit_id
                """
            ).first()
        else {
            throw StorageError(.database, "writing the audit log: the database returned no id")
        }
        entry.auditID = try row.decode(column: "audit_id", as: Int64.self)
        return entry
    }

    /// A `LIKE` pattern matching text that starts with `prefix` (wildcards in it escaped with `\`).
    static func likePrefix(_ prefix: String) -> String {
        var out = ""
        for ch in prefix {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out + "%"
    }
}
